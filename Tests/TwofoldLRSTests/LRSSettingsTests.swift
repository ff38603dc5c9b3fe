import Foundation
import Testing
@testable import TwofoldLRS
import TwofoldTestSupport

@Suite("LRS settings")
struct LRSSettingsTests {
    private func withConfigFile<T>(_ text: String?, _ body: (ConfigFile.Contents) throws -> T) throws -> T {
        let folder = try TemporaryFolder("config")
        let path = folder.url.appendingPathComponent(ConfigFile.name).path
        if let text { try folder.write(text, to: ConfigFile.name) }
        return try body(ConfigFile.Contents(path: path, data: FileManager.default.contents(atPath: path)))
    }

    private func error(_ environment: [String: String], file: String?) throws -> String {
        try withConfigFile(file) { path in
            do {
                _ = try LRSSettings.load(environment: environment, configFile: path)
                return "no error"
            } catch {
                return "\(error)"
            }
        }
    }

    @Test("nothing configured: no record store, the default IRI base")
    func unconfigured() throws {
        let settings = try withConfigFile(nil) { try LRSSettings.load(environment: [:], configFile: $0) }
        #expect(settings == LRSSettings(endpoint: nil, xapiBase: "https://twofold.example/xapi"))
    }

    @Test("the file gives settings; each variable overrides its own")
    func precedence() throws {
        let file = """
            {"lrs": {"endpoint": "https://lrs.example.org/xAPI", "username": "file-user", "password": "file-pass"},
             "xapiBase": "https://learning.example.org/xapi"}
            """
        try withConfigFile(file) { path in
            let fromFile = try LRSSettings.load(environment: [:], configFile: path)
            #expect(fromFile.endpoint?.url.absoluteString == "https://lrs.example.org/xAPI/")
            #expect(fromFile.endpoint?.credentials == .init(username: "file-user", password: "file-pass"))
            #expect(fromFile.xapiBase == "https://learning.example.org/xapi")
            let mixed = try LRSSettings.load(environment: ["TWOFOLD_LRS_PASSWORD": "env-pass", "TWOFOLD_LRS_USERNAME": "",
                                                           "TWOFOLD_XAPI_BASE": "urn:twofold"], configFile: path)
            #expect(mixed.endpoint?.credentials == .init(username: "file-user", password: "env-pass"))
            #expect(mixed.xapiBase == "urn:twofold")
        }
    }

    @Test("environment alone, and an endpoint without credentials")
    func environmentOnly() throws {
        let settings = try LRSSettings.load(environment: ["TWOFOLD_LRS_ENDPOINT": "http://127.0.0.1:8100/xAPI/"], configFile: nil)
        #expect(settings.endpoint?.credentials == nil)
        #expect(settings.endpoint?.resource("statements").absoluteString == "http://127.0.0.1:8100/xAPI/statements")
        #expect(settings.endpoint?.display == "http://127.0.0.1:8100/xAPI/")
    }

    @Test("mistakes in the file are named by file, line, column and JSON path")
    func fileMistakes() throws {
        let path = { (message: String) in message.components(separatedBy: ": ").first ?? "" }
        let wrongType = try error([:], file: "{\n  \"lrs\": {\"endpoint\": 42}\n}")
        #expect(wrongType.hasSuffix(":2:23: lrs.endpoint: expected a string"), "\(wrongType)")
        let unknown = try error([:], file: "{\"lrs\": {\"endpiont\": \"x\"}}")
        #expect(unknown.contains(":1:22: lrs.endpiont: unknown key (expected endpoint, username or password)"), "\(unknown)")
        let syntax = try error([:], file: "{\"lrs\": ")
        #expect(syntax.contains(":1:9: not valid JSON"), "\(syntax)")
        #expect(path(syntax).hasSuffix("config.json:1:9"))
        let twice = try error([:], file: "{\"xapiBase\": \"urn:a\", \"xapiBase\": \"urn:b\"}")
        #expect(twice.contains("xapiBase: this key is given twice"), "\(twice)")
    }

    @Test("bad values get a one-line reason naming where they came from")
    func badValues() throws {
        #expect(try error(["TWOFOLD_LRS_ENDPOINT": "lrs.example.org"], file: nil)
                == "TWOFOLD_LRS_ENDPOINT: \"lrs.example.org\" is not an http or https URL of a learning record store (like https://lrs.example.org/xAPI/)")
        #expect(try error(["TWOFOLD_LRS_ENDPOINT": "https://u:p@lrs.example.org/xAPI/"], file: nil).contains("without user, query or fragment"))
        #expect(try error(["TWOFOLD_LRS_ENDPOINT": "https://lrs.example.org/", "TWOFOLD_LRS_USERNAME": "u"], file: nil)
                == "the learning record store needs both a user name and a password: TWOFOLD_LRS_PASSWORD (lrs.password) is not set")
        #expect(try error(["TWOFOLD_LRS_PASSWORD": "p"], file: nil)
                == "TWOFOLD_LRS_PASSWORD is set but no learning record store is: set TWOFOLD_LRS_ENDPOINT too")
        #expect(try error(["TWOFOLD_XAPI_BASE": "not an iri"], file: nil).contains("is not an absolute IRI"))
        let fromFile = try error([:], file: "{\"lrs\": {\"endpoint\": \"ftp://x/\"}}")
        #expect(fromFile.contains("config.json:1:22 (lrs.endpoint): \"ftp://x/\" is not an http or https URL"), "\(fromFile)")
    }
}
