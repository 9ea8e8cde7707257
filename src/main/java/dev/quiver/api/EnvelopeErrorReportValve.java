package dev.quiver.api;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's last word on an error that nothing else answered: what {@link FallbackErrorController}
 * would have said, as the envelope, instead of Tomcat's HTML page. That happens when the forward
 * to {@code /error} cannot run, as for a request caught by a graceful shutdown while the
 * application is already closing.
 */
public final class EnvelopeErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = new JsonMapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // As Tomcat's own valve: only an error whose body nobody has written, and only once.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String body = JSON.writeValueAsString(FallbackErrorController.envelope(status, request.getDecodedRequestURI()));
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response was committed meanwhile: nobody to answer.
        }
    }
}
