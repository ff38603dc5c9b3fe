import Foundation
import TwofoldCore

/// ISO 8601 dates at the speed a cohort of thousands of reports needs.
///
/// Reports write whole seconds in UTC (`2026-11-29T10:09:12Z`); that form is parsed and
/// formatted here directly with civil-calendar arithmetic. Anything else (fractions,
/// offsets, and years before ``firstGregorianYear``) goes through ``ISO8601`` like
/// everywhere else in Twofold.
public enum CohortDates {
    /// The first whole year of the Gregorian calendar. Foundation's calendar counts
    /// earlier dates as Julian while the arithmetic here is proleptic Gregorian, so those
    /// are left to ``ISO8601`` for both to read and write them alike.
    static let firstGregorianYear = 1583

    /// The date of an ISO 8601 text, or nil when it is not one.
    /// `--since`: `2026-11-29` (midnight UTC) or a full ISO 8601 date and time.
    public static func day(_ text: String) -> Date? {
        if let date = ISO8601.date(text) { return date }
        return ISO8601.date(text + "T00:00:00Z")
    }

    static func parse(_ text: String) -> Date? {
        var text = text
        let fast: Date?? = text.withUTF8 { bytes in
            guard bytes.count == 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A,
                  bytes[16] == 0x3A, bytes[19] == 0x5A
            else { return nil }
            func digits(_ from: Int, _ count: Int) -> Int? {
                var value = 0
                for index in from..<(from + count) {
                    let digit = Int(bytes[index]) - 0x30
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = digits(0, 4), year >= firstGregorianYear else { return nil }
            guard let month = digits(5, 2), let day = digits(8, 2),
                  let hour = digits(11, 2), let minute = digits(14, 2), let second = digits(17, 2),
                  (1...12).contains(month), (1...ISO8601.daysIn(month, of: year)).contains(day),
                  hour < 24, minute < 60, second < 60
            else { return .some(nil) }
            let seconds = daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second
            return .some(Date(timeIntervalSince1970: TimeInterval(seconds)))
        }
        if let fast { return fast }
        return ISO8601.date(text)
    }

    /// `2026-11-29T10:09:12Z`: the same text ``ISO8601/string(_:fractional:)`` writes.
    static func string(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        guard interval == interval.rounded(.down), abs(interval) < 253_402_300_800 else { return ISO8601.string(date) }
        let total = Int(interval)
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let seconds = total - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        guard (firstGregorianYear...9999).contains(year) else { return ISO8601.string(date) }
        var out = [UInt8](repeating: 0, count: 20)
        func put(_ value: Int, _ at: Int, _ width: Int) {
            var value = value
            for index in stride(from: at + width - 1, through: at, by: -1) {
                out[index] = UInt8(0x30 + value % 10)
                value /= 10
            }
        }
        put(year, 0, 4); out[4] = 0x2D; put(month, 5, 2); out[7] = 0x2D; put(day, 8, 2); out[10] = 0x54
        put(seconds / 3600, 11, 2); out[13] = 0x3A; put(seconds % 3600 / 60, 14, 2); out[16] = 0x3A
        put(seconds % 60, 17, 2); out[19] = 0x5A
        return String(decoding: out, as: UTF8.self)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of ``daysFromCivil(_:_:_:)``.
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
