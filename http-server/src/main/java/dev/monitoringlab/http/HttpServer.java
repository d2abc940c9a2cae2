package dev.monitoringlab.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP/1.1 server for small, fast answers (scrapes, predictions) that slow or idle clients cannot starve.
 * Netty's event loops read every connection without blocking, so a thousand clients trickling a request hold
 * a thousand sockets and no thread; {@link ServerLimits} bounds how long, how large and how many. The routes
 * ({@link Handler}) run on the event loop: they compute an answer in microseconds and never block.
 */
public final class HttpServer implements AutoCloseable {
    private final Channel channel;
    private final EventLoopGroup acceptor;
    private final EventLoopGroup workers;
    private final ServerStats stats;

    private HttpServer(Channel channel, EventLoopGroup acceptor, EventLoopGroup workers, ServerStats stats) {
        this.channel = channel;
        this.acceptor = acceptor;
        this.workers = workers;
        this.stats = stats;
    }

    /**
     * Binds {@code host:port} (port 0: any free one) and serves. {@code threads} event loops read connections
     * and run the handler; with 0, one thread does everything, accepting included.
     */
    public static HttpServer start(String host, int port, int threads, ServerLimits limits, Handler handler)
            throws IOException {
        EventLoopGroup acceptor = new NioEventLoopGroup(1, new DefaultThreadFactory("http-accept", true));
        EventLoopGroup workers = threads == 0 ? acceptor
                : new NioEventLoopGroup(threads, new DefaultThreadFactory("http", true));
        ServerStats stats = new ServerStats();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                // unpooled heap buffers: answers are a few KB, and the pooled allocator's 4 MiB arenas would
                // be most of the mock's memory budget
                .childOption(ChannelOption.ALLOCATOR, new UnpooledByteBufAllocator(false))
                .childOption(ChannelOption.TCP_NODELAY, true)
                // answers a client has not read: past the high mark the channel is unwritable and ReadGate stops
                // reading it; reads of at most 16 KiB bound what one read can hold
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(limits.writeBufferBytes() / 2, limits.writeBufferBytes()))
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator(64, 2048, 16 * 1024))
                // a client that half-closes after its request still gets the answer
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ReadGate gate = new ReadGate(limits, stats);
                        ConnectionGuard guard = new ConnectionGuard(limits, stats);
                        Dispatcher dispatcher = new Dispatcher(handler, guard, gate, stats);
                        ch.pipeline().addLast(gate, guard, new HttpResponseEncoder(),
                                new RequestDecoder(Math.min(limits.maxHeaderBytes(), 4096), limits.maxHeaderBytes(), 8192,
                                        limits.maxBodyBytes()),
                                new ChannelInboundHandlerAdapter() {
                                    @Override
                                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                        if (msg instanceof HttpRequest head) {
                                            dispatcher.head(head);
                                        }
                                        ctx.fireChannelRead(msg);
                                    }
                                },
                                new BodyLimit(limits.maxBodyBytes(), dispatcher),
                                dispatcher);
                    }
                });
        try {
            Channel channel = bootstrap.bind(new InetSocketAddress(host, port)).sync().channel();
            return new HttpServer(channel, acceptor, workers, stats);
        } catch (Exception e) {
            shutdown(acceptor, workers);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IOException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Connections open now (within the limit). */
    public int openConnections() {
        return stats.open.get();
    }

    /** Connections closed at once because {@link ServerLimits#maxConnections()} were open. */
    public long refusedConnections() {
        return stats.refused.sum();
    }

    /** Connections closed because a request did not arrive whole within {@link ServerLimits#requestTimeout()}. */
    public long requestTimeouts() {
        return stats.requestTimeouts.sum();
    }

    /** Connections closed at once because their source address held {@link ServerLimits#maxConnectionsPerClient()}. */
    public long refusedConnectionsPerClient() {
        return stats.refusedPerClient.sum();
    }

    /** Idle connections closed to make room for a new one when {@link ServerLimits#maxConnections()} were open. */
    public long shedConnections() {
        return stats.shed.sum();
    }

    /** Connections closed because the client took none of its answers within {@link ServerLimits#writeTimeout()}. */
    public long writeTimeouts() {
        return stats.writeTimeouts.sum();
    }

    /** Throwables from the routes or the pipeline other than I/O errors: each logged at WARNING. */
    public long internalErrors() {
        return stats.internalErrors.sum();
    }

    /** Distinct source addresses with a connection open now. */
    public int clients() {
        return stats.clients();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        shutdown(acceptor, workers);
    }

    private static void shutdown(EventLoopGroup acceptor, EventLoopGroup workers) {
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        if (acceptor != workers) {
            acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
