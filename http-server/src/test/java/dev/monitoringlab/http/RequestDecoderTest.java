package dev.monitoringlab.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestDecoderTest {
    private static final int LIMIT = 100;
    private static final String HEAD = "POST /p HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n";

    /** What the decoder made of the input: heads, body bytes per request, and how each body ended. */
    private record Decoded(List<String> heads, List<Integer> bodies, List<String> ends) {
    }

    private static Decoded decode(String wire, boolean byteByByte) {
        EmbeddedChannel ch = new EmbeddedChannel(new RequestDecoder(4096, 8192, 8192, LIMIT));
        byte[] bytes = wire.getBytes(StandardCharsets.ISO_8859_1);
        if (byteByByte) {
            for (byte b : bytes) {
                ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
            }
        } else {
            ch.writeInbound(Unpooled.wrappedBuffer(bytes));
        }
        Decoded d = new Decoded(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        int body = 0;
        for (Object o; (o = ch.readInbound()) != null; ) {
            if (o instanceof HttpRequest r) {
                d.heads.add(r.method() + " " + r.uri());
            }
            if (o instanceof HttpContent c) {
                body += c.content().readableBytes();
                if (o instanceof LastHttpContent last) {
                    d.bodies.add(body);
                    body = 0;
                    Throwable cause = last.decoderResult().cause();
                    d.ends.add(cause == null ? "ok" : cause.getClass().getSimpleName());
                }
                c.release();
            }
        }
        ch.finishAndReleaseAll();
        return d;
    }

    private static String chunk(int size, String extension) {
        return Integer.toHexString(size) + extension + "\r\n" + "x".repeat(size) + "\r\n";
    }

    @Test
    void sizesUpToTheLimitPassWhetherTheBytesComeAtOnceOrOneByOne() {
        String wire = HEAD + chunk(60, "") + chunk(40, ";a=b") + "0\r\nX-T: 1\r\n\r\n"
                + "GET /next HTTP/1.1\r\nHost: a\r\n\r\n";
        for (boolean oneByOne : new boolean[] {false, true}) {
            Decoded d = decode(wire, oneByOne);
            assertThat(d.heads()).as("one by one: %s", oneByOne).containsExactly("POST /p", "GET /next");
            assertThat(d.bodies()).containsExactly(LIMIT, 0);
            assertThat(d.ends()).containsExactly("ok", "ok");
        }
    }

    @Test
    void aBodyEndsFailedAtTheSizeLineThatTakesTheDeclaredTotalOverTheLimitAndTheRestIsDropped() {
        String wire = HEAD + chunk(60, "") + "29\r\n" + "x".repeat(41) + "\r\n0\r\n\r\n"
                + "GET /after HTTP/1.1\r\nHost: a\r\n\r\n";
        for (boolean oneByOne : new boolean[] {false, true}) {
            Decoded d = decode(wire, oneByOne);
            assertThat(d.heads()).as("one by one: %s", oneByOne).containsExactly("POST /p");
            assertThat(d.ends()).containsExactly("DeclaredTooLarge");
            assertThat(d.bodies().get(0)).as("the first chunk only: the second's bytes never pass").isEqualTo(60);
        }
    }

    @Test
    void aHugeDeclaredSizeIsRefusedBeforeAnyOfItsBytesPass() {
        Decoded d = decode(HEAD + "7fffffff;x\r\n" + "x".repeat(5), false);
        assertThat(d.ends()).containsExactly("DeclaredTooLarge");
        assertThat(d.bodies()).containsExactly(0);
        Decoded beyondInt = decode(HEAD + "ffffffffffffff\r\n" + "x".repeat(5), false);
        assertThat(beyondInt.ends()).as("a size Netty cannot read is a broken chunk (400), not a 413")
                .hasSize(1).doesNotContain("ok", "DeclaredTooLarge");
    }

    @Test
    void eachRequestOnAConnectionCountsItsOwnChunks() {
        String wire = HEAD + chunk(80, "") + "0\r\n\r\n" + HEAD + chunk(80, "") + "0\r\n\r\n";
        Decoded d = decode(wire, false);
        assertThat(d.bodies()).containsExactly(80, 80);
        assertThat(d.ends()).containsExactly("ok", "ok");
    }

    @Test
    void aBodyWithContentLengthIsLeftToTheAggregator() {
        Decoded d = decode("POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 150\r\n\r\n" + "x".repeat(150), false);
        assertThat(d.ends()).containsExactly("ok");
        assertThat(d.bodies()).containsExactly(150);
    }
}
