import Testing
@testable import TwofoldCore
import TwofoldTestSupport

/// Adds two non-negative decimal strings digit by digit: an oracle that shares nothing with `PathCount`.
private func decimalSum(_ a: String, _ b: String) -> String {
    let x = Array(a.utf8.reversed()), y = Array(b.utf8.reversed())
    var digits: [UInt8] = []
    var carry = 0
    for index in 0..<max(x.count, y.count) {
        let sum = (index < x.count ? Int(x[index] - 48) : 0) + (index < y.count ? Int(y[index] - 48) : 0) + carry
        digits.append(UInt8(sum % 10 + 48))
        carry = sum / 10
    }
    if carry > 0 { digits.append(UInt8(carry + 48)) }
    while digits.count > 1 && digits.last == 48 { digits.removeLast() }
    return String(decoding: digits.reversed(), as: UTF8.self)
}

/// `value × factor`, using only `+=` (double and add).
private func times(_ value: PathCount, _ factor: UInt64) -> PathCount {
    var result = PathCount.zero
    var power = value
    var remaining = factor
    while remaining > 0 {
        if remaining & 1 == 1 { result += power }
        power += power
        remaining >>= 1
    }
    return result
}

@Suite struct PathCountTests {
    @Test func smallValues() {
        #expect(PathCount.zero.description == "0")
        #expect(PathCount.zero.isZero)
        #expect(PathCount.one.description == "1")
        #expect(!PathCount.one.isZero)
        #expect(PathCount(42).uint64 == 42)
        var count = PathCount(40)
        count += PathCount(2)
        #expect(count == PathCount(42))
        #expect(PathCount(UInt64.max).description == "18446744073709551615")
    }

    @Test func additionCarriesIntoANewLimb() {
        var count = PathCount(UInt64.max)
        count += .one
        #expect(count.description == "18446744073709551616")
        #expect(count.uint64 == nil)
        #expect(!count.isZero)

        var twice = PathCount(UInt64.max)
        twice += PathCount(UInt64.max)
        #expect(twice.description == "36893488147419103230")
    }

    @Test func carryRipplesAcrossEveryLimb() {
        // 2^128 − 1 has two full limbs; adding one carries through both into a third.
        var allOnes = times(PathCount(UInt64.max), 1)
        for _ in 0..<64 { allOnes += allOnes }
        allOnes += PathCount(UInt64.max)
        #expect(allOnes.description == "340282366920938463463374607431768211455")
        var next = allOnes
        next += .one
        #expect(next.description == "340282366920938463463374607431768211456")

        var power = PathCount.one
        for _ in 0..<128 { power += power }
        #expect(next == power)
    }

    @Test func powersOfTwo() {
        var power = PathCount.one
        var expected = "1"
        for exponent in 1...300 {
            power += power
            expected = decimalSum(expected, expected)
            #expect(power.description == expected, "2^\(exponent)")
        }
        #expect(power.description == "2037035976334486086268445688409378161051468393665936250636140449354381299763336706183397376")
    }

    @Test func smallPlusLargeInEitherOrder() {
        var large = PathCount.one
        for _ in 0..<200 { large += large }
        var small = PathCount(5)
        small += large
        var other = large
        other += PathCount(5)
        #expect(small == other)
        #expect(small.description == decimalSum(large.description, "5"))
    }

    @Test func decimalOutputPadsInnerChunks() {
        // 10^19 fits in a word; its square needs two, and its decimal form is mostly zeros.
        let tenTo19 = PathCount(10_000_000_000_000_000_000)
        let tenTo38 = times(tenTo19, 10_000_000_000_000_000_000)
        #expect(tenTo38.description == "1" + String(repeating: "0", count: 38))
        var plusOne = tenTo38
        plusOne += .one
        #expect(plusOne.description == "1" + String(repeating: "0", count: 37) + "1")
        var plusChunk = tenTo38
        plusChunk += tenTo19
        #expect(plusChunk.description == "1" + String(repeating: "0", count: 18) + "1" + String(repeating: "0", count: 19))
        let tenTo57 = times(tenTo38, 10_000_000_000_000_000_000)
        #expect(tenTo57.description == "1" + String(repeating: "0", count: 57))
    }

    @Test func randomSumsAgreeWithDecimalArithmetic() {
        var generator = SeededGenerator(seed: 2024)
        for _ in 0..<100 {
            var count = PathCount.zero
            var expected = "0"
            for _ in 0..<Int.random(in: 1...40, using: &generator) {
                switch Int.random(in: 0..<3, using: &generator) {
                case 0:
                    let word = UInt64.random(in: 0...UInt64.max, using: &generator)
                    count += PathCount(word)
                    expected = decimalSum(expected, String(word))
                case 1:
                    count += count
                    expected = decimalSum(expected, expected)
                default:
                    let word = UInt64.random(in: 0...UInt64.max, using: &generator)
                    var other = PathCount(word)
                    var otherText = String(word)
                    for _ in 0..<Int.random(in: 0...130, using: &generator) {
                        other += other
                        otherText = decimalSum(otherText, otherText)
                    }
                    count += other
                    expected = decimalSum(expected, otherText)
                }
            }
            #expect(count.description == expected)
            #expect((count.uint64.map(String.init)) == (expected.count <= 20 && UInt64(expected) != nil ? expected : nil))
        }
    }
}
