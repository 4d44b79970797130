package vn.kyso.signing.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.kyso.signing.Document;
import vn.kyso.signing.Placement;
import vn.kyso.signing.QrStampRequest;
import vn.kyso.signing.QrStamped;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;

/**
 * Draws the verification QR code (ZXing computes the matrix; PDFBox draws it as vector squares) in an
 * incremental update, so the original PDF's bytes stay a prefix of the stamped and of every signed
 * version, and the {@code h} in the link can be checked against any later copy.
 */
final class QrStamper {

    /** About 25 mm: scannable by phone cameras from a printout. */
    private static final float DEFAULT_SIZE = 72f;
    private static final float MARGIN = 36f;
    private static final float CAPTION_SIZE = 7f;
    private static final char[] ID_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final Path fontFile;
    private final SecureRandom random = new SecureRandom();

    QrStamper(Path fontFile) {
        this.fontFile = fontFile;
    }

    QrStamped stamp(QrStampRequest request) {
        byte[] original = request.document().content();
        // Page one's text only when the code has to find its own free space.
        PdfFacts facts = PdfInspector.inspect(original, request.placement() == null);
        if (facts.signatureFields().stream().anyMatch(PdfFacts.SignatureField::signed)) {
            throw new SigningException(SigningError.APPEARANCE_INVALID,
                    "the PDF is already signed; stamp the QR code before the first signature");
        }
        String id = request.documentId() != null ? request.documentId() : newId();
        String sha256 = sha256(original);
        String link = request.verifyUrl() + "?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "&h=" + sha256
                + (request.linkToken() == null ? "" : "&t=" + request.linkToken());
        Placement placement = request.placement();
        int pageNumber = placement == null ? 1 : (placement.page() == 0 ? facts.pageCount() : placement.page());
        if (pageNumber > facts.pageCount()) {
            throw new SigningException(SigningError.APPEARANCE_INVALID,
                    "page " + pageNumber + " does not exist; the PDF has " + facts.pageCount());
        }
        try (PDDocument pdf = Loader.loadPDF(original)) {
            PDPage page = pdf.getPage(pageNumber - 1);
            PDRectangle box = page.getMediaBox();
            float size = placement == null ? DEFAULT_SIZE : Math.min(placement.width(), placement.height());
            float left = placement == null ? MARGIN : placement.x();
            float top = placement == null ? box.getHeight() - MARGIN - size - CAPTION_SIZE * 3 : placement.y();
            PDType0Font font = PDType0Font.load(pdf, fontFile.toFile());
            String[] caption = {"Quét mã để kiểm tra văn bản", "Mã văn bản: " + id};
            if (placement == null) {
                // The corner above may hold text (a footer, the recipients list): the lowest free box instead,
                // the caption included. With no free box the corner stays, as before.
                float captionWidth = Math.max(font.getStringWidth(caption[0]), font.getStringWidth(caption[1]))
                        / 1000f * CAPTION_SIZE;
                Rect free = QrSpace.freeBottom(facts, Math.max(size, captionWidth), size + CAPTION_SIZE * 3,
                        MARGIN).orElse(null);
                if (free != null) {
                    left = free.x();
                    top = free.y();
                }
            }
            if (left + size > box.getWidth() || top + size > box.getHeight()) {
                throw new SigningException(SigningError.APPEARANCE_INVALID, "the QR code does not fit on the page");
            }
            // PDF user space has its origin at the bottom-left; placements are given from the top-left.
            float bottom = box.getLowerLeftY() + box.getHeight() - top - size;
            float x = box.getLowerLeftX() + left;
            try (PDPageContentStream cs = new PDPageContentStream(pdf, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                drawMatrix(cs, matrix(link), x, bottom, size);
                cs.setNonStrokingColor(Color.BLACK);
                cs.beginText();
                cs.setFont(font, CAPTION_SIZE);
                cs.newLineAtOffset(x, bottom - CAPTION_SIZE - 2);
                cs.showText(caption[0]);
                cs.newLineAtOffset(0, -CAPTION_SIZE - 1);
                cs.showText(caption[1]);
                cs.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + 16_384);
            pdf.saveIncremental(out, changedObjects(page));
            byte[] stamped = out.toByteArray();
            if (!startsWith(stamped, original)) {
                throw new IllegalStateException("incremental save did not keep the original bytes");
            }
            return new QrStamped(new Document(request.document().name(), stamped), id, sha256, link);
        } catch (IOException | WriterException | RuntimeException e) {
            if (e instanceof SigningException s) {
                throw s;
            }
            throw new SigningException(SigningError.SIGNING_FAILED, "the QR code could not be stamped", e);
        }
    }

    private static Set<COSDictionary> changedObjects(PDPage page) {
        Set<COSDictionary> changed = new HashSet<>();
        changed.add(page.getCOSObject());
        PDResources resources = page.getResources();
        if (resources != null) {
            COSDictionary res = resources.getCOSObject();
            changed.add(res);
            COSDictionary fonts = res.getCOSDictionary(COSName.FONT);
            if (fonts != null) {
                changed.add(fonts);
            }
        }
        return changed;
    }

    private static BitMatrix matrix(String link) throws WriterException {
        return new QRCodeWriter().encode(link, BarcodeFormat.QR_CODE, 0, 0,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
    }

    private static void drawMatrix(PDPageContentStream cs, BitMatrix m, float x, float y, float size)
            throws IOException {
        // The four-module quiet zone of ISO/IEC 18004, inside the square, so nearby text cannot touch it.
        float module = size / (m.getWidth() + 8);
        float quiet = 4 * module;
        cs.setNonStrokingColor(Color.WHITE);
        cs.addRect(x, y, size, size);
        cs.fill();
        cs.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < m.getHeight(); row++) {
            int col = 0;
            while (col < m.getWidth()) {
                if (!m.get(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < m.getWidth() && m.get(col, row)) {
                    col++;
                }
                // One rectangle per run of dark modules keeps the stream small.
                cs.addRect(x + quiet + start * module, y + size - quiet - (row + 1) * module,
                        (col - start) * module, module);
            }
        }
        cs.fill();
    }

    private String newId() {
        StringBuilder sb = new StringBuilder("VB-");
        for (int i = 0; i < 12; i++) {
            sb.append(ID_ALPHABET[random.nextInt(ID_ALPHABET.length)]);
        }
        return sb.toString();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        return java.util.Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
