package dev.monitoringlab.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Backpressure, first in every connection's pipeline. The decoder turns whatever it is given into requests at
 * once, and each request into an answer: a client that pipelines requests and reads no answers would make the
 * server queue answers without end. So the gate hands the decoder a few requests' bytes at a time, and only
 * while the channel is writable (its unread answers are under the write buffer's high water mark) and
 * fewer than {@code maxRequestsInFlight} answers wait to be written. Otherwise it keeps the bytes already read
 * (one read, a few KiB), turns reading off, so the client's further requests wait in the kernel, and gives the
 * client {@code writeTimeout} to take its answers before closing the connection.
 */
final class ReadGate extends ChannelDuplexHandler {
    /**
     * Bytes handed to the decoder at once while they hold whole requests (pipelined ones): a few requests, so
     * the answers they make stay few. A slice that made no answer (a body on its way) is followed by a large one.
     */
    static final int SMALL_SLICE = 256;
    /**
     * Bytes per turn: a large body (a 1,000-record batch is about 45 KB) takes several turns, so a few clients
     * sending costly requests cannot hold the loop between two turns of the others.
     */
    static final int BYTES_PER_TURN = 4 * 1024;
    /**
     * Answers per turn of the event loop: a connection with a burst of pipelined requests gets about this many,
     * then waits for the loop's next turn, so the other connections of the loop are served in between.
     */
    static final int ANSWERS_PER_TURN = 4;

    private final ServerLimits limits;
    private final ServerStats stats;
    private ChannelHandlerContext ctx;
    private ByteBuf held;
    private Object heldEnd;
    private int inFlight;
    private long answers;
    private boolean readWanted;
    /** Set while a slice is with the decoder: an answer written meanwhile must not feed it again from inside. */
    private boolean feeding;
    private boolean turnScheduled;
    private ScheduledFuture<?> writeDeadline;

    ReadGate(ServerLimits limits, ServerStats stats) {
        this.limits = limits;
        this.stats = stats;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /** An answer has been handed to the channel: it counts as in flight until it is written to the socket. */
    void answered(ChannelFuture written) {
        answers++;
        inFlight++;
        written.addListener(f -> {
            inFlight--;
            resume();
        });
        if (!open()) {
            pause();
        }
    }


    private boolean open() {
        return ctx.channel().isWritable() && inFlight < limits.maxRequestsInFlight();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf in)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (held == null && in.readableBytes() <= SMALL_SLICE && open() && !feeding) {
            ctx.fireChannelRead(in); // the usual case, a request or two: nothing to hold back
            if (!open()) {
                pause();
            }
            return;
        }
        if (held == null) {
            held = in;
        } else {
            // rare: a read already in progress when reading was turned off
            ByteBuf joined = ctx.alloc().heapBuffer(held.readableBytes() + in.readableBytes());
            joined.writeBytes(held).writeBytes(in);
            held.release();
            in.release();
            held = joined;
        }
        feed();
    }

    /** Hands the decoder slices of what was read while the connection may answer; pauses when it may not. */
    private void feed() {
        if (feeding) {
            return;
        }
        feeding = true;
        try {
            long answersBefore = answers;
            int bytes = 0;
            int slice = SMALL_SLICE;
            while (held != null && held.isReadable() && open() && ctx.channel().isActive() && bytes < BYTES_PER_TURN
                    && answers - answersBefore < ANSWERS_PER_TURN) {
                long answersBeforeSlice = answers;
                int n = Math.min(slice, held.readableBytes());
                bytes += n;
                ctx.fireChannelRead(held.readRetainedSlice(n));
                slice = answers > answersBeforeSlice ? SMALL_SLICE : BYTES_PER_TURN;
            }
        } finally {
            feeding = false;
        }
        if (held != null && !held.isReadable()) {
            held.release();
            held = null;
        }
        if (held == null && heldEnd != null && open()) {
            Object end = heldEnd;
            heldEnd = null;
            ctx.fireUserEventTriggered(end);
        }
        if (held != null && open()) {
            yieldTurn();
        } else if (held != null || !open()) {
            pause();
        } else {
            unpause();
        }
    }

    /** The turn's budget is spent, not the client's fault: no deadline, just the next turn of the loop. */
    private void yieldTurn() {
        ctx.channel().config().setAutoRead(false);
        if (!turnScheduled) {
            turnScheduled = true;
            ctx.executor().execute(() -> {
                turnScheduled = false;
                resume();
            });
        }
    }

    private void pause() {
        ctx.channel().config().setAutoRead(false);
        if (writeDeadline == null) {
            writeDeadline = ctx.executor().schedule(() -> {
                if (ctx.channel().isOpen()) {
                    stats.writeTimeouts.increment();
                    ctx.close();
                }
            }, limits.writeTimeout().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void unpause() {
        if (writeDeadline != null) {
            writeDeadline.cancel(false);
            writeDeadline = null;
        }
        if (!ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true); // which also asks for a read
            readWanted = false;
        } else if (readWanted) {
            readWanted = false;
            ctx.read();
        }
    }

    private void resume() {
        if (!feeding && ctx.channel().isActive()) {
            feed();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            resume();
        } else {
            pause();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        // the decoder asks for more when it made no request of a read; not while answers are waiting
        if (held != null || !open()) {
            readWanted = true;
            return;
        }
        ctx.read();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent && held != null) {
            heldEnd = evt; // the client's last requests are still here: the end comes after them
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (writeDeadline != null) {
            writeDeadline.cancel(false);
            writeDeadline = null;
        }
        if (held != null) {
            held.release();
            held = null;
        }
        ctx.fireChannelInactive();
    }
}
