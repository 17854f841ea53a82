/// The dnsmasq configuration that brings a lab's UEFI PXE client to a served iPXE script in two
/// steps: the firmware's PXE client gets iPXE (Debian package ipxe: /usr/lib/ipxe/ipxe.efi)
/// over dnsmasq's TFTP, then iPXE, which identifies itself with DHCP option 175 (its
/// encapsulated options), is given the script's http:// URL as its boot file.
/// Client architecture (DHCP option 93, RFC 4578 and IANA's registry): 7 and 9 are x64 UEFI.
public enum DnsmasqChain {
    public static func lines(scriptURL: String, ipxeDirectory: String = "/usr/lib/ipxe") -> [String] {
        [
            "enable-tftp",
            "tftp-root=\(ipxeDirectory)",
            "dhcp-match=set:ipxe,175",
            "dhcp-match=set:efi-x64,option:client-arch,7",
            "dhcp-match=set:efi-x64,option:client-arch,9",
            "dhcp-boot=tag:efi-x64,tag:!ipxe,ipxe.efi",
            "dhcp-boot=tag:ipxe,\(scriptURL)",
        ]
    }
}
