import Foundation

extension ISO8601 {
    /// Whether `text` is written the way ``date(_:)`` reads it, every field in range:
    /// `YYYY-MM-DDTHH:MM:SS`, an optional fraction, then `Z` or `±HH:MM`. Foundation's
    /// parser rolls out-of-range fields over (`10:01:92` becomes `10:02:32`, 30 February
    /// becomes 2 March); a date that cannot be right is refused instead.
    static func fieldsInRange(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[from..<(from + count)] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        func byte(_ index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }
        guard byte(4) == 0x2D, byte(7) == 0x2D, byte(10) == 0x54, byte(13) == 0x3A, byte(16) == 0x3A,
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              (1...12).contains(month), (1...daysIn(month, of: year)).contains(day),
              hour < 24, minute < 60, second < 60
        else { return false }
        var index = 19
        if byte(index) == 0x2E {  // a fraction
            index += 1
            while let digit = byte(index), (0x30...0x39).contains(digit) { index += 1 }
        }
        if byte(index) == 0x5A { return index + 1 == bytes.count }
        guard byte(index) == 0x2B || byte(index) == 0x2D, byte(index + 3) == 0x3A,
              let offsetHours = number(index + 1, 2), let offsetMinutes = number(index + 4, 2)
        else { return false }
        return offsetHours < 24 && offsetMinutes < 60 && index + 6 == bytes.count
    }

    /// The number of days in `month` of `year` (Gregorian).
    public static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
