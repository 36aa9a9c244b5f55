package org.smesurvey.core.imports;

import java.io.IOException;
import java.net.URI;
import java.util.Objects;

/**
 * A table could not be fetched from a statistical office's API: the office answered with an error status, did not
 * answer within the timeout, or sent a body that ended early. The message says what failed and for which URL.
 *
 * @since 0.2
 */
public class FetchException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The address asked, kept as text so that the exception stays serialisable. */
    private final String url;

    /**
     * An exception for a failed request.
     *
     * @param url the address asked
     * @param message what failed, in words
     * @param cause the underlying failure, or null
     * @throws NullPointerException if {@code url} or {@code message} is null
     */
    public FetchException(URI url, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.url = Objects.requireNonNull(url, "url").toString();
    }

    /**
     * The address that was asked.
     *
     * @return the URL
     */
    public URI url() {
        return URI.create(url);
    }
}
