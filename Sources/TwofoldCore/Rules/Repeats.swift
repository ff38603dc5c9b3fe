/// Finds the elements of a list that repeat an earlier one: for each, its index and the
/// index of the first equal element, in list order. Elements `counts` rejects are passed
/// over (an empty id is reported by its own rule).
///
/// A decision has a handful of choices, where comparing pairs is cheapest; past
/// ``pairwiseLimit`` elements the first index of each value goes in a hash table, so one
/// scene with 100,000 choices costs linear time, not 10¹⁰ comparisons.
enum Repeats {
    static let pairwiseLimit = 16

    /// `element(i)` is the i-th of `count` elements (read in place, so the common small
    /// list allocates nothing).
    static func find<Element: Hashable>(
        count: Int, _ element: (Int) -> Element, counts: (Element) -> Bool = { _ in true }
    ) -> [(index: Int, first: Int)] {
        var found: [(index: Int, first: Int)] = []
        if count <= pairwiseLimit {
            for index in 1..<max(1, count) {
                let value = element(index)
                guard counts(value) else { continue }
                if let first = (0..<index).first(where: { element($0) == value }) { found.append((index, first)) }
            }
            return found
        }
        var firstIndex: [Element: Int] = [:]
        firstIndex.reserveCapacity(count)
        for index in 0..<count {
            let value = element(index)
            guard counts(value) else { continue }
            if let first = firstIndex[value] {
                found.append((index, first))
            } else {
                firstIndex[value] = index
            }
        }
        return found
    }
}
