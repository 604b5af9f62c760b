package org.trustledger.web;

import io.netty.handler.codec.http.HttpResponseStatus;

final class HttpStatusTitles {

    private HttpStatusTitles() {
    }

    static String title(int status) {
        return HttpResponseStatus.valueOf(status).reasonPhrase();
    }
}
