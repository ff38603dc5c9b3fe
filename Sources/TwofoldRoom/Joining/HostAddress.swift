#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The machine's addresses as phones on the same network see them.
public enum HostAddress {
    /// One IPv4 address of a network interface.
    public struct Interface: Sendable, Equatable {
        public var name: String
        public var address: String
    }

    /// The primary non-loopback IPv4 address: that of the first interface that is up and
    /// running, preferring real network interfaces over container bridges and virtual
    /// links. Nil when there is none (then the facilitator names one with `--bind`).
    public static func primary() -> String? {
        pick(interfaces())?.address
    }

    /// Every up, running, non-loopback IPv4 interface address, from `getifaddrs`.
    public static func interfaces() -> [Interface] {
        var first: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&first) == 0, let first else { return [] }
        defer { freeifaddrs(first) }
        var found: [Interface] = []
        for entry in sequence(first: first, next: { $0.pointee.ifa_next }) {
            let flags = Int32(entry.pointee.ifa_flags)
            guard let address = entry.pointee.ifa_addr, Int32(address.pointee.sa_family) == AF_INET,
                  flags & Int32(IFF_UP) != 0, flags & Int32(IFF_RUNNING) != 0, flags & Int32(IFF_LOOPBACK) == 0 else { continue }
            var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
            let converted = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { inet in
                withUnsafePointer(to: inet.pointee.sin_addr) { inet_ntop(AF_INET, $0, &text, socklen_t(text.count)) }
            }
            guard converted != nil else { continue }
            found.append(Interface(name: String(cString: entry.pointee.ifa_name),
                                   address: String(decoding: text.prefix { $0 != 0 }.map(UInt8.init(bitPattern:)), as: UTF8.self)))
        }
        return found
    }

    /// The interface a phone is most likely to reach: not a container bridge or a
    /// virtual link when anything else is up.
    static func pick(_ interfaces: [Interface]) -> Interface? {
        let virtual = ["docker", "br-", "veth", "virbr", "cni", "flannel", "podman", "tun", "tap", "wg"]
        return interfaces.first { interface in !virtual.contains { interface.name.hasPrefix($0) } } ?? interfaces.first
    }
}
