package dev.monitoringlab.stack.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class ListeningSocketsTest {
    @Test
    void addressesAreDecodedAsTheKernelPrintsThem() {
        assertThat(ListeningSockets.address("0100007F")).isEqualTo("127.0.0.1");
        assertThat(ListeningSockets.address("00000000")).isEqualTo("0.0.0.0");
        assertThat(ListeningSockets.address("0000000000000000FFFF00000100007F")).isEqualTo("::ffff:127.0.0.1");
        assertThat(ListeningSockets.address("00000000000000000000000001000000")).isEqualTo("::1");
        assertThat(ListeningSockets.address("00000000000000000000000000000000")).isEqualTo("::");
        assertThat(new ListeningSockets.Bound("tcp6", "::", 9000).loopback()).isFalse();
        assertThat(new ListeningSockets.Bound("tcp", "0.0.0.0", 9000).loopback()).isFalse();
    }

    @Test
    void aSocketOnAllInterfacesIsFoundAndIsNotLoopback() throws IOException {
        try (ServerSocket open = new ServerSocket(); ServerSocket local = new ServerSocket()) {
            open.bind(new InetSocketAddress(0));
            local.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            var mine = ListeningSockets.of(ProcessHandle.current().pid());
            assertThat(mine).filteredOn(b -> b.port() == open.getLocalPort()).singleElement()
                    .satisfies(b -> assertThat(b.loopback()).isFalse());
            assertThat(mine).filteredOn(b -> b.port() == local.getLocalPort()).singleElement()
                    .satisfies(b -> assertThat(b.loopback()).isTrue());
        }
    }
}
