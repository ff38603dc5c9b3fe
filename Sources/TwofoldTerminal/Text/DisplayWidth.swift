/// Measuring, wrapping and cleaning text for a fixed-width terminal.
///
/// Widths come from the project's own tables (``WidthTables``) and Swift's grapheme
/// breaking, never from the C locale, so they are the same on every machine.
public enum TextLayout {
    /// The number of terminal columns `text` occupies.
    ///
    /// Counted per grapheme cluster (what the user sees as one character): East Asian
    /// Wide and Fullwidth characters and emoji count 2, including whole emoji sequences
    /// such as skin-tone modifiers, ZWJ families and flags; combining marks, zero-width
    /// joiners and variation selectors add nothing; control characters count 0.
    public static func displayWidth(_ text: String) -> Int {
        var width = 0
        for character in text {
            width += displayWidth(of: character)
        }
        return width
    }

    /// The number of terminal columns one grapheme cluster occupies: 0, 1 or 2.
    public static func displayWidth(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        var base: Unicode.Scalar?
        for scalar in scalars {
            switch scalar.value {
            case 0xFE0F: return base == nil ? 0 : 2  // emoji presentation requested
            case 0xFE0E: return base == nil ? 0 : 1  // text presentation requested
            default: break
            }
            if base == nil && !WidthTables.isZeroWidth(scalar) {
                base = scalar
            }
        }
        guard let base else { return 0 }
        if WidthTables.isWide(base) { return 2 }
        // A pair of regional indicators is a flag.
        if (0x1F1E6...0x1F1FF).contains(base.value) { return 2 }
        return 1
    }
}
