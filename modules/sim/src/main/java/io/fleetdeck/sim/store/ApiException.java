package io.fleetdeck.sim.store;

/** A failure the API server reports to clients as a {@code Status} with an HTTP code and reason. */
public final class ApiException extends RuntimeException {
    private final int code;
    private final String reason;

    public ApiException(int code, String reason, String message) {
        super(message);
        this.code = code;
        this.reason = reason;
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    public static ApiException notFound(ResourceType type, String name) {
        return new ApiException(404, "NotFound", type + " \"" + name + "\" not found");
    }

    public static ApiException alreadyExists(ResourceType type, String name) {
        return new ApiException(409, "AlreadyExists", type + " \"" + name + "\" already exists");
    }

    public static ApiException conflict(ResourceType type, String name) {
        return new ApiException(409, "Conflict", "Operation cannot be fulfilled on " + type + " \"" + name
                + "\": the object has been modified; please apply your changes to the latest version and try again");
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "BadRequest", message);
    }

    public static ApiException gone(long rv) {
        return new ApiException(410, "Expired", "too old resource version: " + rv);
    }
}
