package io.salesrisk.common.problem;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The wording of HTTP-level problems (the ones the framework raises before a feature sees the request), shared by
 * the JAX-RS mappers and the HTTP layer's error handlers so that every error reads the same.
 */
@ApplicationScoped
public class HttpProblems {

    /** The largest request body, as configured by {@code quarkus.http.limits.max-body-size}. */
    private final String bodyLimit;
    /** The largest rule-set upload, as configured by {@code salesrisk.rules.upload.max-bytes}. */
    private final String uploadLimit;

    public HttpProblems(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
                        @ConfigProperty(name = "salesrisk.rules.upload.max-bytes", defaultValue = "10485760") long uploadBytes) {
        this.bodyLimit = readable(maxBodySize.asLongValue());
        this.uploadLimit = readable(uploadBytes);
    }

    private static String readable(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    static String type(int status) {
        return switch (status) {
            case 400 -> "malformed-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "too-large";
            case 415 -> "unsupported-media-type";
            case 500 -> "internal-error";
            case 503 -> "unavailable";
            default -> "http-" + status;
        };
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Malformed request";
            case 401 -> "Unauthenticated";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 413 -> "Request too large";
            case 415 -> "Unsupported media type";
            case 500 -> "Internal error";
            case 503 -> "Unavailable";
            default -> "HTTP " + status;
        };
    }

    /**
     * @param target "GET /api/x" where known
     * @param extra  the Allow header for 405, the log reference for 500
     */
    String detail(int status, String target, String extra) {
        return switch (status) {
            case 400 -> "the request cannot be read" + on(target);
            case 401 -> "sign in: this endpoint needs a user (HTTP Basic)";
            case 403 -> "the signed-in user's role does not allow this";
            case 404 -> "there is nothing at " + (target == null ? "this address" : target);
            case 405 -> (target == null ? "this method" : target) + " is not supported"
                    + (extra == null || extra.isBlank() ? "" : "; allowed: " + extra);
            case 406 -> "the response can only be application/json" + on(target);
            case 413 -> "the request body is larger than the service accepts: at most " + bodyLimit
                    + " per request (CSV imports), " + uploadLimit + " for a rule-set upload";
            case 415 -> "this content type is not accepted" + on(target)
                    + "; send application/json, text/csv for imports, or multipart/form-data or application/zip for rule uploads";
            case 500 -> "an unexpected error occurred; the log names it with reference " + extra;
            case 503 -> "the service cannot take this request now; retry shortly";
            default -> "HTTP error " + status + on(target);
        };
    }

    private static String on(String target) {
        return target == null ? "" : " (" + target + ")";
    }
}
