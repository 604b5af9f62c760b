package org.trustledger.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** An IPv4 or IPv6 network in CIDR notation; parsing accepts only literal addresses, never host names. */
public record Cidr(byte[] network, int prefixLength) {

    public static Cidr parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        byte[] bytes = literal(address);
        if (bytes == null) {
            throw new IllegalArgumentException("not an IP address: " + address);
        }
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = t.substring(slash + 1);
            if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > bits) {
                throw new IllegalArgumentException("bad prefix length in " + t);
            }
            prefix = Integer.parseInt(p);
        }
        return new Cidr(bytes, prefix);
    }

    public boolean contains(String address) {
        byte[] candidate = literal(address);
        if (candidate == null || candidate.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        if (!Arrays.equals(candidate, 0, full, network, 0, full)) {
            return false;
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (candidate[full] & mask) == (network[full] & mask);
    }

    /** Bytes of a literal IPv4/IPv6 address (IPv4-mapped IPv6 folded to IPv4), or null. */
    static byte[] literal(String address) {
        if (address == null || address.isEmpty()) {
            return null;
        }
        String a = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        boolean v4 = a.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = a.contains(":") && a.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            return null; // InetAddress.getByName would resolve names through DNS
        }
        if (v4 && !Arrays.stream(a.split("\\.")).allMatch(o -> Integer.parseInt(o) <= 255)) {
            return null;
        }
        try {
            return InetAddress.getByName(a).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefixLength == prefixLength && Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        return InetAddressText.of(network) + "/" + prefixLength;
    }
}
