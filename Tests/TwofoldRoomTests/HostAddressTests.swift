import Testing
@testable import TwofoldRoom

@Suite("Room: host address")
struct HostAddressTests {
    @Test("the machine's interfaces are IPv4, up and never loopback")
    func interfaces() {
        for interface in HostAddress.interfaces() {
            #expect(!interface.address.hasPrefix("127."))
            #expect(interface.address.split(separator: ".").count == 4)
        }
    }

    @Test("a real network interface is preferred to container bridges and virtual links")
    func preference() {
        let found = [
            HostAddress.Interface(name: "docker0", address: "172.17.0.1"),
            HostAddress.Interface(name: "veth12ab", address: "169.254.3.1"),
            HostAddress.Interface(name: "wlan0", address: "192.168.1.23"),
        ]
        #expect(HostAddress.pick(found)?.address == "192.168.1.23")
        #expect(HostAddress.pick(Array(found.prefix(1)))?.address == "172.17.0.1", "a bridge when nothing else is up")
        #expect(HostAddress.pick([]) == nil)
    }
}
