/// Scene index by id: an open-addressing hash table over the ids' UTF-8 bytes.
///
/// Resolving every `next` is the loader's most frequent lookup (one per choice, millions
/// in a large file); a purpose-built table with a cheap word-at-a-time hash is several
/// times faster than a `[String: Int]` with SipHash, and stores only 12 bytes per slot.
public struct SceneIndex: Sendable {
    private var slots: [Int32] = []
    private var hashes: [UInt64] = []
    private var ids: [String] = []
    private var mask = 0
    /// Scenes whose id an earlier scene already has: (scene, first scene with the id).
    public private(set) var duplicates: [(scene: Int, first: Int)] = []

    public init() {}

    /// Builds the index; when an id repeats, the first scene with it wins.
    init(ids sceneIDs: [String]) {
        var capacity = 8
        while capacity < sceneIDs.count * 2 { capacity <<= 1 }
        mask = capacity - 1
        slots = [Int32](repeating: -1, count: capacity)
        hashes = [UInt64](repeating: 0, count: capacity)
        ids = sceneIDs
        for (index, id) in sceneIDs.enumerated() {
            let hash = SceneIndex.hash(id)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 {
                if hashes[slot] == hash && ids[Int(slots[slot])] == id { break }
                slot = (slot + 1) & mask
            }
            if slots[slot] >= 0 {
                if !id.isEmpty { duplicates.append((index, Int(slots[slot]))) }
            } else {
                slots[slot] = Int32(index)
                hashes[slot] = hash
            }
        }
    }

    /// The index of the first scene with this id.
    public subscript(id: String) -> Int? {
        guard !slots.isEmpty else { return nil }
        let hash = SceneIndex.hash(id)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            if hashes[slot] == hash && ids[Int(slots[slot])] == id { return Int(slots[slot]) }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// A 64-bit hash of the id's UTF-8 bytes, eight bytes at a time.
    static func hash(_ id: String) -> UInt64 {
        var text = id
        return text.withUTF8 { bytes -> UInt64 in
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
            var index = 0
            let raw = UnsafeRawBufferPointer(bytes)
            while index + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                h = (h ^ word) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 29
                index += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while index < bytes.count {
                tail |= UInt64(bytes[index]) << shift
                shift += 8
                index += 1
            }
            h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
            h ^= h >> 33
            return h
        }
    }
}
