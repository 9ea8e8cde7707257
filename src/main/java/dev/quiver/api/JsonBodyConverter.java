package dev.quiver.api;

import dev.quiver.error.ErrorCode;
import dev.quiver.error.Limit;
import dev.quiver.error.QuiverException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
     * Reads the body in steps, reserving room in the budget for each step as it arrives, and
     * refusing the body as soon as it passes the cap.
     */
    private byte[] readCapped(HttpInputMessage inputMessage, long declared, long max) throws IOException {
        // Sized to the declared length (already checked against the cap) so a large body is not
        // copied again and again as the buffer grows.
        ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : STEP);
        byte[] chunk = new byte[STEP];
        long reserved = 0;
        try (InputStream in = inputMessage.getBody()) {
            for (int read; (read = in.read(chunk)) >= 0; ) {
                if (body.size() + (long) read > max) {
                    throw tooLarge("more than " + max + " bytes");
                }
                if (body.size() + read > reserved) {
                    budget.reserveForCurrentRequest(STEP);
                    reserved += STEP;
                }
                body.write(chunk, 0, read);
            }
        }
        return body.toByteArray();
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
