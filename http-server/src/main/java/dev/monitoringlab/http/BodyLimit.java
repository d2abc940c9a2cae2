package dev.monitoringlab.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Netty's aggregator with the refusal left to the application: an over-large body gets the routes' own 413
 * (not Netty's empty one), also when the client asked for {@code 100-continue} first.
 */
final class BodyLimit extends HttpObjectAggregator {
    private final Dispatcher dispatcher;

    BodyLimit(int maxBodyBytes, Dispatcher dispatcher) {
        super(maxBodyBytes);
        this.dispatcher = dispatcher;
    }

    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        if (start.decoderResult().isFailure()) {
            return null; // a malformed Content-Length and the like: the Dispatcher answers 400
        }
        if (HttpUtil.getContentLength(start, -1L) > maxContentLength) {
            return null; // the aggregator then calls handleOversizedMessage
        }
        return super.newContinueResponse(start, maxContentLength, pipeline);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        dispatcher.tooLarge(ctx, oversized);
    }
}
