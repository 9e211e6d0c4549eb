package io.yewu.platform.internal.web;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the server answers before any of Yewu's code runs — a request line or headers longer than it accepts (a
 * search of thousands of characters), a request it cannot parse — as problem details (RFC 9457) in the reader's
 * language, like every other error, instead of Tomcat's HTML page. Tomcat's error report valve on the host is
 * replaced by {@link ProblemReport}; it writes only where nothing else has (Spring's error handling answers every
 * request that reaches the application).
 */
@Component
class ServerErrorProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final Problems problems;

    ServerErrorProblems(Problems problems) {
        this.problems = problems;
    }

    /** After Spring Boot's own customizer, which puts a plain error report valve on the host. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) host.getPipeline().removeValve(valve);
            }
            host.getPipeline().addValve(new ProblemReport(problems));
            // the host adds a valve of this class on its start unless one is there: ours is
            if (host instanceof StandardHost standard) standard.setErrorReportValveClass(ProblemReport.class.getName());
        });
    }

    static final class ProblemReport extends ErrorReportValve {

        private final Problems problems;

        ProblemReport(Problems problems) {
            this.problems = problems;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0) return;
            AtomicBoolean ioAllowed = new AtomicBoolean();
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) return;
            // a request line too long to read leaves no headers: Chinese first
            Locale locale = request.getHeader("Accept-Language") == null ? Locale.SIMPLIFIED_CHINESE : request.getLocale();
            String code = status == 400 ? "request-rejected" : "server-error";
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(problems.json(HttpStatusCode.valueOf(status), code, locale, instance(request)));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the connection is gone or the answer already begun: nothing more to say
            }
        }

        /** The request's path when it is a short one (never echo a rejected, overlong address back). */
        private static String instance(Request request) {
            String uri = request.getRequestURI();
            return uri != null && uri.length() <= 200 && uri.matches("[A-Za-z0-9/._~%-]*") ? uri : "/";
        }
    }
}
