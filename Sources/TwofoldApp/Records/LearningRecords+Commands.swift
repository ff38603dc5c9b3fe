import Foundation
import TwofoldCore
import TwofoldLRS

extension LearningRecords {
    /// `lrs status`: the settings and how the outbox stands.
    public func status() throws -> LRSStatus {
        do { return LRSStatus(settings: settings, outbox: try store.outboxStatus()) } catch { throw AppError.store(error) }
    }

    /// `lrs push`: sends everything waiting now.
    /// - Throws: ``AppError`` when no record store is configured.
    public func push() throws -> LRSPush.Outcome {
        let push = LRSPush(delivery: Delivery(store: store, client: LRSClient(endpoint: try endpoint())))
        do { return try push.runBlocking() } catch { throw AppError.store(error) }
    }

    /// `lrs check`: reaches the record store and tries the credentials; warns when the
    /// configuration file, which may hold the password, can be read by others.
    /// - Throws: ``AppError`` when no record store is configured.
    public func check() throws -> LRSCheck.Outcome {
        var outcome = LRSCheck(client: LRSClient(endpoint: try endpoint())).runBlocking()
        if let configFile, let mode = (try? FileManager.default.attributesOfItem(atPath: configFile))?[.posixPermissions] as? Int,
           mode & 0o077 != 0 {
            outcome.lines.append("Warning: \(TextSafety.message(configFile)) can be read by others; "
                                 + "it may hold the password: chmod 600 it")
        }
        return outcome
    }

    /// The configured record store, or the reason there is none.
    func endpoint() throws -> LRSEndpoint {
        guard let endpoint = settings.endpoint else { throw AppError(LRSError.notConfigured(configFile: configFile).description) }
        return endpoint
    }
}
