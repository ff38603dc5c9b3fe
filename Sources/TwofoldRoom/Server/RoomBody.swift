import Foundation
import Hummingbird
import NIOCore

/// Reads a request's JSON body, at most ``RoomServer/maxBodyBytes``, into a value;
/// anything else is refused with the reason and where in the JSON it went wrong.
enum RoomBody {
    static func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: RoomServer.maxBodyBytes)
        } catch is NIOTooManyBytesError {
            throw RoomRefusal.tooLarge(limit: RoomServer.maxBodyBytes)
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw RoomRefusal.malformed(describe(error))
        }
    }

    /// `choice: expected a number`, `name: missing`, or `not JSON`.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): missing"
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let expected = type == Int.self ? "a whole number" : type == String.self ? "a string" : "another type"
            return context.codingPath.isEmpty ? "expected a JSON object" : "\(path(context.codingPath)): expected \(expected)"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "the body is not JSON" : "\(path(context.codingPath)): unreadable"
        @unknown default:
            return "unreadable"
        }
    }
}
