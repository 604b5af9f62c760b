package org.trustledger.web;

import java.net.InetAddress;
import java.net.UnknownHostException;

final class InetAddressText {

    private InetAddressText() {
    }

    static String of(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
