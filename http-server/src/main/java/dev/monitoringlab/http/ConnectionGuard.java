package dev.monitoringlab.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Counts the connection against the global and the per-client limit and keeps one deadline per connection.
 * Reading a request (from its first byte, or from the connect for the first request) may take
 * {@code requestTimeout}; waiting for the next request on a kept-alive connection {@code idleTimeout}. When the
 * deadline passes the connection is closed: no thread ever waits for a slow client. While it holds no request
 * the connection is idle, and when the server is full the busiest client's idle connection gives way to a new
 * one. All methods but {@link #shed()} run on the connection's event loop, so the state needs no locking.
 */
final class ConnectionGuard extends ChannelInboundHandlerAdapter {
    private enum State { READING, HANDLING, IDLE, DRAINING }

    /** How long a rejected over-large request may go on sending before the connection is dropped. */
    private static final Duration DRAIN_TIME = Duration.ofSeconds(2);

    private final ServerLimits limits;
    private final ServerStats stats;
    private State state = State.READING;
    private boolean bytesOfThisRequest;
    private InetAddress client;
    private ServerStats.Share share;
    private ChannelHandlerContext context;
    private ScheduledFuture<?> deadline;
    private Runnable inputClosedMidRequest = () -> { };
    private Runnable timedOutMidRequest = () -> { };

    ConnectionGuard(ServerLimits limits, ServerStats stats) {
        this.limits = limits;
        this.stats = stats;
    }

    /** What to do when the client half-closes in the middle of a request (the decoder may drop it silently). */
    void onInputClosedMidRequest(Runnable action) {
        this.inputClosedMidRequest = action;
    }

    /** What to do (before the close) when part of a request arrived and the request timeout passed. */
    void onTimedOutMidRequest(Runnable action) {
        this.timedOutMidRequest = action;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        context = ctx;
        client = ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a.getAddress() : null;
        share = client == null ? new ServerStats.Share() : stats.join(client, limits.maxConnectionsPerClient());
        if (share == null) {
            stats.refusedPerClient.increment();
            ctx.close();
            return;
        }
        if (stats.open.incrementAndGet() > limits.maxConnections()) {
            ConnectionGuard victim = stats.idleVictim();
            if (victim == null) {
                stats.open.decrementAndGet();
                leaveShare();
                stats.refused.increment();
                ctx.close();
                return;
            }
            victim.shed();
        }
        share.idle.add(this);
        arm(ctx, limits.requestTimeout());
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        if (share != null) {
            share.idle.remove(this);
            leaveShare();
            stats.open.decrementAndGet();
        }
        ctx.fireChannelInactive();
    }

    private void leaveShare() {
        if (client != null) {
            stats.leave(client);
        }
        share = null;
    }

    /** Called from another connection's event loop: close this one if it is still idle. */
    void shed() {
        context.executor().execute(() -> {
            if (isIdle() && context.channel().isOpen()) {
                stats.shed.increment();
                context.close();
            } // otherwise a request began meanwhile: awaitNext() offers it again when it is idle
        });
    }

    private boolean isIdle() {
        return state == State.IDLE || (state == State.READING && !bytesOfThisRequest);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (state == State.DRAINING) {
            ReferenceCountUtil.release(msg); // the rest of a refused body: read and dropped, never parsed
            return;
        }
        if (state == State.IDLE) {
            state = State.READING;
            arm(ctx, limits.requestTimeout());
        }
        if (msg instanceof ByteBuf b && b.isReadable() && !bytesOfThisRequest) {
            bytesOfThisRequest = true;
            if (share != null) {
                share.idle.remove(this);
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            // the client has sent all it will send: with nothing begun there is nothing to answer
            if (state == State.IDLE || state == State.DRAINING || (state == State.READING && !bytesOfThisRequest)) {
                ctx.close();
                return;
            }
            ctx.fireUserEventTriggered(evt);
            if (state == State.READING) {
                inputClosedMidRequest.run();
            }
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    /** A whole request has been read: the routes answer it at once, so no deadline while they do. */
    void requestRead() {
        state = State.HANDLING;
        cancel();
    }

    /** The answer is written; wait for the next request (a client that never reads is the write deadline's). */
    void awaitNext(ChannelHandlerContext ctx) {
        state = State.IDLE;
        bytesOfThisRequest = false;
        if (share != null) {
            share.idle.add(this);
        }
        arm(ctx, limits.idleTimeout());
    }

    /**
     * After a refusal sent while the client may still be sending (an over-large body): stop writing, drop what
     * arrives until the client closes or a short time passes. Closing at once would reset the connection and the
     * client could lose the answer.
     */
    void drainAndClose(ChannelHandlerContext ctx) {
        state = State.DRAINING;
        arm(ctx, DRAIN_TIME.compareTo(limits.requestTimeout()) < 0 ? DRAIN_TIME : limits.requestTimeout());
        if (ctx.channel() instanceof SocketChannel s) {
            s.shutdownOutput().addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        } else {
            ctx.close();
        }
    }

    private void arm(ChannelHandlerContext ctx, Duration timeout) {
        cancel();
        State armedIn = state;
        deadline = ctx.executor().schedule(() -> {
            if (state == armedIn && ctx.channel().isOpen()) {
                if (armedIn == State.READING) {
                    stats.requestTimeouts.increment();
                    if (bytesOfThisRequest) {
                        state = State.DRAINING;
                        timedOutMidRequest.run(); // a 408, then the close
                        return;
                    }
                }
                ctx.close();
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void cancel() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }
}
