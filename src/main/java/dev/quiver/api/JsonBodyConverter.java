package dev.quiver.api;

import dev.quiver.collection.RequestDeadline;
import dev.quiver.error.ErrorCode;
import dev.quiver.error.Limit;
import dev.quiver.error.QuiverException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@link ApiRequest} bodies as JSON whatever the Content-Type (the Node SDK sends
 * {@code text/plain}), refusing bodies over the configured cap before they fill the heap.
 * Read-only: responses go through Spring's usual JSON converter.
 */
final class JsonBodyConverter extends AbstractHttpMessageConverter<Object> {

    /** Bytes read, and reserved in the budget, at a time. */
    private static final int STEP = 64 * 1024;

    private final JsonMapper jsonMapper;
    private final DataSize maxBodySize;
    private final BodyBudget budget;

    JsonBodyConverter(JsonMapper jsonMapper, DataSize maxBodySize, BodyBudget budget) {
        super(MediaType.ALL);
        this.jsonMapper = jsonMapper;
        this.maxBodySize = maxBodySize;
        this.budget = budget;
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return ApiRequest.class.isAssignableFrom(clazz);
    }

    @Override
    protected boolean canWrite(MediaType mediaType) {
        return false;
    }

    @Override
    protected Object readInternal(Class<?> clazz, HttpInputMessage inputMessage) throws IOException {
        long max = maxBodySize.toBytes();
        long declared = inputMessage.getHeaders().getContentLength();
        if (declared > max) {
            throw tooLarge(declared + " bytes");
        }
        byte[] body = readCapped(inputMessage, declared, max);
        if (body.length == 0) {
            throw new QuiverException(ErrorCode.MALFORMED_JSON, "error: the request body is empty");
        }
        try {
            return jsonMapper.readerFor(clazz).withAttribute(RowsJsonDeserializer.BODY, body).readValue(body);
        } catch (JacksonException e) {
            throw JsonErrors.translate(e);
        }
    }

    /**
     * Reads the body, refusing it as soon as it passes the cap. A body of announced length
     * reserves its whole length in the budget first and is read straight into one array: many
     * large bodies arriving together then wait their turn whole, instead of each holding a
     * slice of the budget while none can finish. A body of unknown length (chunked) reserves room
     * step by step as it arrives and is put together once at the end. Between steps the request's
     * deadline is checked, so a body trickled in cannot hold its reservation for long.
     */
    private byte[] readCapped(HttpInputMessage inputMessage, long declared, long max) throws IOException {
        try (InputStream in = inputMessage.getBody()) {
            return declared >= 0 ? readAnnounced(in, (int) declared) : readChunked(in, max);
        }
    }

    private byte[] readAnnounced(InputStream in, int length) throws IOException {
        try {
            budget.reserveForCurrentRequest(length);
        } catch (QuiverException refused) {
            discard(in);
            throw refused;
        }
        byte[] body = new byte[length];
        for (int at = 0; at < length; ) {
            int read = in.read(body, at, Math.min(STEP, length - at));
            if (read < 0) {
                return Arrays.copyOf(body, at);
            }
            at += read;
            RequestDeadline.checkCurrent();
        }
        return body;
    }

    private byte[] readChunked(InputStream in, long max) throws IOException {
        List<byte[]> steps = new ArrayList<>();
        long size = 0;
        for (byte[] step = in.readNBytes(STEP); step.length > 0; step = in.readNBytes(STEP)) {
            size += step.length;
            if (size > max) {
                throw tooLarge("more than " + max + " bytes");
            }
            budget.reserveForCurrentRequest(STEP);
            steps.add(step);
            RequestDeadline.checkCurrent();
        }
        budget.reserveForCurrentRequest(size);
        byte[] body = new byte[(int) size];
        int at = 0;
        for (byte[] step : steps) {
            System.arraycopy(step, 0, body, at, step.length);
            at += step.length;
        }
        return body;
    }

    /**
     * Reads a refused body to its end without keeping it, so that a client which sends the whole
     * body before it reads the answer (as many do) gets its refusal instead of a closed
     * connection. Only credentialed requests get this far; the request deadline bounds the time.
     */
    private static void discard(InputStream in) throws IOException {
        byte[] sink = new byte[STEP];
        while (in.read(sink) >= 0) {
            RequestDeadline.checkCurrent();
        }
    }

    @Override
    protected void writeInternal(Object o, HttpOutputMessage outputMessage) {
        throw new UnsupportedOperationException("read-only converter");
    }

    private QuiverException tooLarge(String size) {
        return QuiverException.overLimit(Limit.REQUEST_SIZE, ErrorCode.INVALID_PARAMETER, "request body of " + size
                + " exceeds the limit of " + maxBodySize + " (quiver.api.max-request-size)");
    }
}
