import Foundation
import TwofoldReports

/// Where learning records go: the learning record store (when one is configured) and the
/// IRI base of Twofold's xAPI activities and extensions.
///
/// Read from the environment and from the configuration file (`config.json`, see
/// ``ConfigFile``); for each setting the environment wins over the file:
///
/// | variable | file key | |
/// |---|---|---|
/// | `TWOFOLD_LRS_ENDPOINT` | `lrs.endpoint` | the xAPI base of the record store, e.g. `https://lrs.example.org/xAPI/` |
/// | `TWOFOLD_LRS_USERNAME` | `lrs.username` | HTTP basic authentication |
/// | `TWOFOLD_LRS_PASSWORD` | `lrs.password` | |
/// | `TWOFOLD_XAPI_BASE` | `xapiBase` | IRI base of activities and extensions (default `https://twofold.example/xapi`) |
public struct LRSSettings: Sendable, Equatable {
    /// The record store, or nil when none is configured (statements then stay in files).
    public var endpoint: LRSEndpoint?
    /// The IRI base of activities and extensions.
    public var xapiBase: String

    public init(endpoint: LRSEndpoint?, xapiBase: String = XAPIStatements.defaultBaseIRI) {
        self.endpoint = endpoint
        self.xapiBase = xapiBase
    }

    public static let endpointVariable = "TWOFOLD_LRS_ENDPOINT"
    public static let usernameVariable = "TWOFOLD_LRS_USERNAME"
    public static let passwordVariable = "TWOFOLD_LRS_PASSWORD"
    public static let xapiBaseVariable = "TWOFOLD_XAPI_BASE"

    /// The settings from `environment` and the configuration file at `configFile` (which
    /// may be missing). Empty variables count as unset.
    /// - Throws: ``LRSError/configuration(_:)`` for a file that cannot be read or is
    ///   malformed, or for a setting that is not valid.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment,
                            configFile: ConfigFile.Contents?) throws(LRSError) -> LRSSettings {
        let file = try configFile?.values() ?? ConfigFile.Values()
        func setting(_ variable: String, _ fileValue: ConfigFile.Value?) -> (value: String, source: String)? {
            if let value = environment[variable], !value.isEmpty { return (value, variable) }
            return fileValue.map { ($0.text, $0.source) }
        }
        let base = setting(xapiBaseVariable, file.xapiBase)
        if let base, !Self.isAbsoluteIRI(base.value) {
            throw .configuration("\(base.source): \"\(base.value)\" is not an absolute IRI (like https://lrs.example.org/xapi)")
        }
        let username = setting(usernameVariable, file.username)
        let password = setting(passwordVariable, file.password)
        guard let endpoint = setting(endpointVariable, file.endpoint) else {
            if let stray = username ?? password {
                throw .configuration("\(stray.source) is set but no learning record store is: set \(endpointVariable) too")
            }
            return LRSSettings(endpoint: nil, xapiBase: base?.value ?? XAPIStatements.defaultBaseIRI)
        }
        if (username == nil) != (password == nil) {
            let missing = username == nil ? "\(usernameVariable) (lrs.username)" : "\(passwordVariable) (lrs.password)"
            throw .configuration("the learning record store needs both a user name and a password: \(missing) is not set")
        }
        let url = try LRSEndpoint.url(endpoint.value, source: endpoint.source)
        let credentials = username.map { LRSEndpoint.Credentials(username: $0.value, password: password!.value) }
        return LRSSettings(endpoint: LRSEndpoint(url: url, credentials: credentials),
                           xapiBase: base?.value ?? XAPIStatements.defaultBaseIRI)
    }

    /// `scheme:` followed by something, the scheme being a letter then letters, digits, `+`, `-` or `.`.
    static func isAbsoluteIRI(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex, text.index(after: colon) != text.endIndex,
              !text.contains(where: { $0 == " " || $0.asciiValue.map { $0 < 0x20 } ?? false }) else { return false }
        let scheme = text[..<colon]
        return scheme.first!.isLetter && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }
}

/// A learning record store: its xAPI base URL and the credentials for it.
public struct LRSEndpoint: Sendable, Equatable {
    /// The xAPI base, ending in `/` (statements are at `statements`, the version at `about`).
    public var url: URL
    public var credentials: Credentials?

    /// HTTP basic authentication.
    public struct Credentials: Sendable, Equatable {
        public var username: String
        public var password: String

        public init(username: String, password: String) {
            self.username = username
            self.password = password
        }
    }

    public init(url: URL, credentials: Credentials?) {
        self.url = url
        self.credentials = credentials
    }

    /// The endpoint as people should see it: no credentials, no query.
    public var display: String {
        var components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        components?.user = nil
        components?.password = nil
        return components?.url?.absoluteString ?? url.absoluteString
    }

    /// A resource under the xAPI base (`statements`, `about`).
    public func resource(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// An `http` or `https` URL with a host, as the xAPI base (a `/` is added at the end).
    static func url(_ text: String, source: String) throws(LRSError) -> URL {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              ["http", "https"].contains(scheme), let host = components.host, !host.isEmpty else {
            throw .configuration("\(source): \"\(text)\" is not an http or https URL of a learning record store "
                                 + "(like https://lrs.example.org/xAPI/)")
        }
        guard components.user == nil, components.query == nil, components.fragment == nil else {
            throw .configuration("\(source): give the xAPI base URL alone, without user, query or fragment "
                                 + "(credentials go in \(LRSSettings.usernameVariable) and \(LRSSettings.passwordVariable))")
        }
        let normalised = text.hasSuffix("/") ? text : text + "/"
        return URL(string: normalised)!
    }
}
