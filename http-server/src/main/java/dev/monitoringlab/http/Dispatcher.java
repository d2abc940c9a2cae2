package dev.monitoringlab.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Last in the pipeline: turns a whole request into a {@link Request}, asks the {@link Handler}, writes the answer. */
final class Dispatcher extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
    private static final byte[] NO_BODY = new byte[0];

    private static final Response TIMED_OUT = Response.text(408, "request_timeout\n");

    private final Handler handler;
    private final ConnectionGuard guard;
    private final ReadGate gate;
    private final ServerStats stats;
    /** Set when the request line and headers of the current request were read without error. */
    private boolean headersRead;
    /** The head of the request being read, until it is whole. */
    private HttpRequest pending;
    private ChannelHandlerContext context;

    Dispatcher(Handler handler, ConnectionGuard guard, ReadGate gate, ServerStats stats) {
        this.handler = handler;
        this.guard = guard;
        this.gate = gate;
        this.stats = stats;
        guard.onInputClosedMidRequest(this::inputClosed);
        guard.onTimedOutMidRequest(this::timedOut);
    }

    /** Part of a request arrived, not all of it in time: a 408 (Go's servers do the same), then the close. */
    private void timedOut() {
        pending = null;
        ChannelFuture written = context.writeAndFlush(response(false, TIMED_OUT, false));
        gate.answered(written);
        written.addListener((ChannelFutureListener) f -> guard.drainAndClose(context));
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.context = ctx;
    }

    /** Called between the decoder and the aggregator, once per request head. */
    void head(HttpRequest head) {
        headersRead = head.decoderResult().isSuccess();
        pending = headersRead ? head : null;
    }

    /** The client half-closed before its request was whole: answer what was wrong, then close. */
    private void inputClosed() {
        guard.requestRead();
        Problem problem = headersRead && pending != null ? Problem.INCOMPLETE_BODY : Problem.MALFORMED_REQUEST;
        HttpRequest req = pending;
        pending = null;
        Response r = headersRead && req != null ? rejected(req, problem, NO_BODY)
                : rejected(null, problem, NO_BODY);
        write(context, req != null && HttpMethod.HEAD.equals(req.method()), r, false);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        guard.requestRead();
        pending = null;
        boolean head = HttpMethod.HEAD.equals(req.method());
        if (req.decoderResult().cause() instanceof RequestDecoder.DeclaredTooLarge) {
            tooLarge(ctx, req);
            return;
        }
        if (req.decoderResult().isFailure()) {
            Problem problem = problem(req.decoderResult().cause());
            write(ctx, head, rejected(req, problem, NO_BODY), false);
            return;
        }
        Request request = request(req, ByteBufUtil.getBytes(req.content()));
        Response response;
        try {
            response = handler.handle(request);
        } catch (Throwable e) { // NOPMD: an Error too (an OutOfMemoryError most of all) is logged, counted, answered
            // a bug, not the caller's fault: one log line and a 500, and the connection stays usable
            stats.internalErrors.increment();
            LOG.log(Level.WARNING, "request to " + request.path() + " failed: " + e, e);
            response = Response.json(500, "{\"error\":\"internal error\",\"reason\":\"internal\"}");
        }
        write(ctx, head, response, HttpUtil.isKeepAlive(req));
    }

    /**
     * From the aggregator or the decoder: the declared or received body is over the limit. Answered without reading
     * the rest.
     */
    void tooLarge(ChannelHandlerContext ctx, HttpMessage message) {
        guard.requestRead();
        pending = null;
        if (message instanceof HttpRequest req) {
            Response r = rejected(req, Problem.BODY_TOO_LARGE, NO_BODY);
            ChannelFuture written = ctx.writeAndFlush(response(HttpMethod.HEAD.equals(req.method()), r, false));
            gate.answered(written);
            written.addListener((ChannelFutureListener) f -> guard.drainAndClose(ctx));
        } else {
            ctx.close();
        }
    }

    private Problem problem(Throwable cause) {
        if (cause instanceof TooLongFrameException && !headersRead) {
            return Problem.HEADERS_TOO_LARGE;
        }
        if (headersRead || cause instanceof PrematureChannelClosureException) {
            return Problem.INCOMPLETE_BODY;
        }
        return Problem.MALFORMED_REQUEST;
    }

    private Response rejected(HttpRequest req, Problem problem, byte[] body) {
        Request partial = headersRead && req != null ? request(req, body) : new Request("", "", null, name -> null, body);
        try {
            return handler.rejected(partial, problem);
        } catch (Throwable e) { // NOPMD: as in channelRead0
            stats.internalErrors.increment();
            LOG.log(Level.WARNING, "rejecting a request failed: " + e, e);
            return Response.text(problem.status(), problem.name() + "\n");
        }
    }

    private static Request request(HttpRequest req, byte[] body) {
        String uri = req.uri();
        int q = uri.indexOf('?');
        HttpHeaders headers = req.headers();
        return new Request(req.method().name(), q < 0 ? uri : uri.substring(0, q), q < 0 ? null : uri.substring(q + 1),
                headers::get, body);
    }

    private void write(ChannelHandlerContext ctx, boolean head, Response response, boolean keepAlive) {
        ChannelFuture written = ctx.writeAndFlush(response(head, response, keepAlive));
        gate.answered(written);
        if (keepAlive) {
            guard.awaitNext(ctx);
        } else {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static FullHttpResponse response(boolean head, Response r, boolean keepAlive) {
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(r.status()),
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(r.body()));
        HttpHeaders h = res.headers();
        h.set(HttpHeaderNames.CONTENT_TYPE, r.contentType());
        h.setInt(HttpHeaderNames.CONTENT_LENGTH, r.body().length);
        for (Map.Entry<String, String> e : r.headers().entrySet()) {
            h.set(e.getKey(), e.getValue());
        }
        if (!keepAlive) {
            h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return res;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException || cause instanceof PrematureChannelClosureException) {
            // a reset by the peer, a client gone mid-request: nothing to answer, nobody to tell
            LOG.log(Level.FINE, "connection error", cause);
        } else {
            // anything else is a bug or the heap running out: never silent
            stats.internalErrors.increment();
            LOG.log(Level.WARNING, "connection from " + ctx.channel().remoteAddress() + " closed after " + cause, cause);
        }
        ctx.close();
    }
}
