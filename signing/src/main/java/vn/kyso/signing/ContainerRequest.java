package vn.kyso.signing;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Sign several files into one ASiC-E container.
 *
 * @param format XADES or CADES: the signature inside the container
 */
public record ContainerRequest(List<Document> documents, String keyId, SignatureFormat format,
        SignatureLevel level, DigestAlgorithm digest) {

    public ContainerRequest {
        documents = List.copyOf(Objects.requireNonNull(documents, "documents"));
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("a container needs at least one file");
        }
        var names = new HashSet<String>();
        for (Document d : documents) {
            if (!names.add(d.name())) {
                throw new IllegalArgumentException("file names in a container must be unique: " + d.name());
            }
        }
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("key is required");
        }
        format = Objects.requireNonNullElse(format, SignatureFormat.XADES);
        if (format != SignatureFormat.XADES && format != SignatureFormat.CADES) {
            throw new IllegalArgumentException("an ASiC-E container holds XAdES or CAdES signatures");
        }
        level = Objects.requireNonNullElse(level, SignatureLevel.B_B);
        digest = Objects.requireNonNullElse(digest, DigestAlgorithm.SHA256);
    }
}
