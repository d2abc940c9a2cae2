package dev.monitoringlab.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.List;

/**
 * Netty's request decoder that also reads the size each chunk of a chunked body declares. Once the sizes declared so
 * far add up to more than the body limit, the body ends at once with a {@link DeclaredTooLarge} failure (the
 * {@link Dispatcher} answers 413) and the rest of the connection's input is dropped: a client announcing a 1 MiB chunk
 * is refused when its size line arrives, not once the limit's worth of bytes has.
 *
 * <p>The sizes are read from the bytes the decoder consumed, in order, so they are the bytes Netty itself framed.
 */
final class RequestDecoder extends HttpRequestDecoder {
    /** The failure a body ends with when its chunks declare more than the limit. */
    static final class DeclaredTooLarge extends DecoderException {
        private static final long serialVersionUID = 1L;

        DeclaredTooLarge(long declared, int limit) {
            super("chunks declare at least " + declared + " bytes, over the limit of " + limit);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // a client's input, not a bug: no stack to keep
        }
    }

    private final int maxBodyBytes;
    private final ChunkSizes sizes = new ChunkSizes();
    private boolean dropping;

    RequestDecoder(int maxInitialLineBytes, int maxHeaderBytes, int maxChunkBytes, int maxBodyBytes) {
        super(new HttpDecoderConfig().setMaxInitialLineLength(maxInitialLineBytes).setMaxHeaderSize(maxHeaderBytes)
                .setMaxChunkSize(maxChunkBytes));
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        if (dropping) {
            in.skipBytes(in.readableBytes());
            return;
        }
        int from = in.readerIndex();
        int emitted = out.size();
        super.decode(ctx, in, out);
        if (sizes.inBody()) {
            sizes.read(in, from, in.readerIndex());
        }
        for (int i = emitted; i < out.size(); i++) {
            Object o = out.get(i);
            if (o instanceof HttpRequest head && head.decoderResult().isSuccess() && HttpUtil.isTransferEncodingChunked(head)) {
                sizes.begin(); // a chunked head is emitted alone: the bytes read with it were the head
            } else if (o instanceof LastHttpContent) {
                sizes.end();
            }
        }
        if (sizes.declared() > maxBodyBytes) {
            refuse(in, out, emitted);
        }
    }

    /** Replaces this round's pieces of the body by its failed end, and drops everything the client sends after. */
    private void refuse(ByteBuf in, List<Object> out, int emitted) {
        for (int i = out.size() - 1; i >= emitted; i--) {
            if (out.get(i) instanceof HttpContent piece) {
                piece.release();
                out.remove(i);
            }
        }
        LastHttpContent end = new DefaultLastHttpContent(Unpooled.EMPTY_BUFFER);
        end.setDecoderResult(DecoderResult.failure(new DeclaredTooLarge(sizes.declared(), maxBodyBytes)));
        out.add(end);
        sizes.end();
        dropping = true;
        in.skipBytes(in.readableBytes());
    }

    /** The chunked framing (RFC 9112, 7.1), followed only as far as it takes to add up the declared sizes. */
    static final class ChunkSizes {
        private enum State { IDLE, SIZE, EXTENSION, DATA, DATA_END, TRAILER }

        /** Sizes are added up to this and no further: enough to exceed any int limit, no overflow. */
        private static final long CAP = 1L << 40;

        private State state = State.IDLE;
        private long size;
        private long dataLeft;
        private long declared;
        private boolean emptyLine = true;

        boolean inBody() {
            return state != State.IDLE;
        }

        long declared() {
            return declared;
        }

        void begin() {
            state = State.SIZE;
            size = 0;
            declared = 0;
        }

        void end() {
            state = State.IDLE;
            declared = 0;
        }

        /** Follows the bytes {@code [from, to)} of {@code buf}. */
        void read(ByteBuf buf, int from, int to) {
            int i = from;
            while (i < to && state != State.IDLE) {
                if (state == State.DATA) {
                    long skip = Math.min(dataLeft, to - i);
                    dataLeft -= skip;
                    i += (int) skip;
                    if (dataLeft == 0) {
                        state = State.DATA_END;
                    }
                    continue;
                }
                step(buf.getByte(i++));
            }
        }

        private void step(byte b) {
            switch (state) {
                case SIZE -> {
                    int digit = Character.digit(b, 16);
                    if (digit >= 0) {
                        size = Math.min(CAP, size * 16 + digit);
                    } else if (b == '\n') {
                        sizeLineEnded();
                    } else if (b != '\r') {
                        state = State.EXTENSION; // ';' and what follows, or blanks before it
                    }
                }
                case EXTENSION -> {
                    if (b == '\n') {
                        sizeLineEnded();
                    }
                }
                case DATA_END -> {
                    if (b == '\n') {
                        state = State.SIZE;
                    }
                }
                case TRAILER -> {
                    if (b == '\n') {
                        if (emptyLine) {
                            end();
                            return;
                        }
                        emptyLine = true;
                    } else if (b != '\r') {
                        emptyLine = false;
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }

        private void sizeLineEnded() {
            declared = Math.min(CAP, declared + size);
            if (size == 0) {
                state = State.TRAILER;
                emptyLine = true;
            } else {
                dataLeft = size;
                state = State.DATA;
            }
            size = 0;
        }
    }
}
