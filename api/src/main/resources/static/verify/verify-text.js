// Texts of the verification page. Vietnamese static texts are read from the page itself (it is
// written in Vietnamese); only the English ones and the texts the script builds live here.
(function () {
  'use strict';

  window.KysoVerifyText = {
    vi: {
      langSwitch: 'English', langSwitchCode: 'en',
      verdict: { VALID: 'Hợp lệ', INVALID: 'Không hợp lệ', INDETERMINATE: 'Chưa đủ cơ sở kết luận',
        UNSIGNED: 'Không có chữ ký số' },
      signature: 'Chữ ký', signer: 'Người ký', organisation: 'Cơ quan, tổ chức', family: 'Loại chữ ký số',
      issuer: 'Tổ chức cấp chứng thư', serial: 'Số hiệu chứng thư', validity: 'Thời hạn chứng thư',
      revocation: 'Tình trạng thu hồi', signingTime: 'Thời điểm ký (do người ký khai)',
      timestamps: 'Dấu thời gian', format: 'Định dạng', coverage: 'Phạm vi ký',
      changes: 'Thay đổi sau khi ký', none: 'Không có', unknown: 'Không rõ',
      families: { SPECIALISED: 'Chữ ký số chuyên dùng công vụ', PUBLIC: 'Chữ ký số công cộng',
        NONE: 'Không thuộc hệ thống chứng thực được tin cậy' },
      revocations: { GOOD: 'Chưa bị thu hồi', REVOKED: 'Đã bị thu hồi', UNKNOWN: 'Không xác định được',
        NOT_CHECKED: 'Chưa kiểm tra' },
      checkedVia: 'kiểm tra qua {source} lúc {time}', revokedAt: 'thu hồi lúc {time}',
      from: 'từ {a} đến {b}',
      timestampTypes: { SIGNATURE_TIMESTAMP: 'Dấu thời gian của chữ ký', ARCHIVE_TIMESTAMP: 'Dấu thời gian lưu trữ',
        DOCUMENT_TIMESTAMP: 'Dấu thời gian của văn bản', CONTENT_TIMESTAMP: 'Dấu thời gian của nội dung' },
      timestampValid: 'hợp lệ', timestampInvalid: 'không hợp lệ', by: 'do {tsa} cấp',
      downloading: 'Đang tạo báo cáo…', downloaded: 'Đã tải báo cáo.',
      signedRevision: 'Tải phiên bản đã ký', finalRevision: 'Tải bản cuối cùng (tệp đã gửi)',
      signedRevisionFile: 'phien-ban-da-ky.pdf', revisionPreparing: 'Đang lấy phiên bản đã ký…',
      revisionDownloaded: 'Đã tải phiên bản đã ký.',
      archiveMatch: {
        IDENTICAL: 'Trùng khớp với bản gốc lưu trữ tại cơ quan ban hành.',
        EXTENDS_ORIGINAL: 'Chứa nguyên vẹn bản gốc lưu trữ tại cơ quan ban hành, có thêm nội dung bổ sung sau đó '
          + '(ví dụ chữ ký số được ký thêm).',
        DIFFERENT: 'Cảnh báo: tệp này KHÔNG phải bản gốc lưu trữ tại cơ quan ban hành.',
        NOT_ARCHIVED: 'Kho lưu trữ của cơ quan ban hành không có văn bản nào mang mã này.'
      },
      lookup: {
        loading: 'Đang tra cứu kho lưu trữ của cơ quan ban hành…',
        notFound: 'Không tra cứu được văn bản chỉ từ mã này: kho lưu trữ không có văn bản mang mã này, hoặc liên '
          + 'kết trong mã QR không đầy đủ. Hãy tải tệp bạn đang giữ lên để so sánh với bản gốc.',
        publicValid: 'Văn bản có trong kho lưu trữ của cơ quan ban hành; chữ ký số hợp lệ khi lưu trữ.',
        publicNotValid: 'Văn bản có trong kho lưu trữ của cơ quan ban hành; kết quả kiểm tra chữ ký số khi lưu trữ: '
          + '{verdict}.',
        restrictedValid: 'Văn bản có thật: kho lưu trữ của cơ quan ban hành giữ văn bản này và chữ ký số hợp lệ khi '
          + 'lưu trữ.',
        restrictedNotValid: 'Kho lưu trữ của cơ quan ban hành giữ văn bản này; kết quả kiểm tra chữ ký số khi lưu '
          + 'trữ: {verdict}.',
        accepted: 'Văn bản vừa được đưa vào kho lưu trữ và đang được kiểm tra chữ ký số.',
        disposed: 'Văn bản đã được hủy theo danh mục hủy đã duyệt; kho chỉ giữ lại mã băm của bản gốc.',
        restrictedNote: 'Đây là văn bản không công khai: nội dung, người ký và tệp gốc không được hiển thị. Bạn vẫn có '
          + 'thể tải tệp đang giữ lên dưới đây để biết có đúng là văn bản này không.',
        issuer: 'Cơ quan ban hành', numberSymbol: 'Số, ký hiệu', documentDate: 'Ngày văn bản',
        documentType: 'Loại văn bản', subject: 'Trích yếu', signers: 'Người ký',
        signerLine: '{who} — {verdict}, ký {time}', verdictAtArchiving: 'Chữ ký số khi lưu trữ',
        archivedAt: 'Thời điểm lưu trữ', digest: 'Mã băm SHA-256 của bản gốc',
        download: 'Tải bản gốc để đối chiếu'
      },
      archiveRecord: 'Văn bản lưu trữ: {number}, ngày {date}.',
      archiveFailed: 'Chưa so sánh được với bản gốc lưu trữ (mã lỗi {code}). Kết quả kiểm tra chữ ký vẫn có giá trị; '
        + 'vui lòng thử lại sau.',
      // One headline for a QR link: the archive says whether this is the issued document.
      issued: {
        MATCH_VALID: 'Đúng văn bản đã ban hành: tệp trùng khớp với bản gốc lưu trữ tại cơ quan ban hành và chữ ký số '
          + 'hợp lệ.',
        MATCH_NOT_VALID: 'Tệp trùng khớp với bản gốc lưu trữ tại cơ quan ban hành, nhưng chữ ký số chưa được xác '
          + 'nhận: {summary}',
        DIFFERENT: 'KHÔNG phải văn bản đã ban hành: tệp này khác với bản gốc mang mã {id} lưu trữ tại cơ quan ban '
          + 'hành.',
        NOT_ARCHIVED: 'Không xác nhận được văn bản: kho lưu trữ của cơ quan ban hành không có văn bản nào mang mã {id}.'
      },
      signaturesOnly: 'Chữ ký số trong tệp (kết quả: {verdict}) chỉ cho biết ai đã ký tệp này, không chứng minh đây là '
        + 'văn bản đã ban hành.',
      errors: {
        RATE_LIMITED: 'Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau {seconds} giây.',
        UNSUPPORTED_DOCUMENT: 'Tệp này không phải là văn bản ký số thuộc định dạng được hỗ trợ.',
        MALFORMED_DOCUMENT: 'Tệp bị hỏng hoặc không đọc được.',
        EMPTY_DOCUMENT: 'Tệp rỗng.',
        UPLOAD_TOO_LARGE: 'Tệp quá lớn.', DOCUMENT_TOO_LARGE: 'Tệp quá lớn.',
        DOCUMENT_TOO_COMPLEX: 'Văn bản quá phức tạp để kiểm tra tự động.',
        ORIGINAL_REQUIRED: 'Đây là chữ ký tách rời: hãy chọn thêm tệp gốc đã được ký.',
        SIGNATURE_NOT_FOUND: 'Không tìm thấy chữ ký này trong tệp.',
        VALIDATION_TIMEOUT: 'Việc kiểm tra mất quá nhiều thời gian. Vui lòng thử lại sau.',
        NETWORK: 'Không kết nối được với máy chủ. Vui lòng kiểm tra mạng và thử lại.',
        OTHER: 'Không kiểm tra được văn bản (mã lỗi {code}).'
      }
    },
    en: {
      pageTitle: 'Verify a digitally signed document', heading: 'Verify a digitally signed document',
      langSwitch: 'Tiếng Việt', langSwitchCode: 'vi',
      intro: 'Upload a digitally signed document to find out whether its signatures are valid, who signed it '
        + 'and whether it was changed after signing. The file is only used for the check and is not kept.',
      documentId: 'Document number:',
      compareHint: 'To check the copy you hold, upload it below: the page checks its signatures and compares it '
        + 'with the original kept in the issuer\'s archive.',
      fileLabel: 'Document to verify', fileHint: 'PDF, XML, JSON, a signature file (.p7s) or an ASiC package',
      originalLabel: 'Original file (optional)',
      originalHint: 'Only needed when the signature is in a separate file, detached from the document',
      submit: 'Verify', busy: 'Verifying…', fileName: 'File', validatedAt: 'Verified at',
      download: 'Download the PDF report', signaturesHeading: 'Signature details',
      footer: 'Checked according to ETSI EN 319 102-1. Times are Vietnam time (UTC+7).',
      verdict: { VALID: 'Valid', INVALID: 'Not valid', INDETERMINATE: 'Cannot be confirmed', UNSIGNED: 'Not signed' },
      signature: 'Signature', signer: 'Signer', organisation: 'Organisation', family: 'Kind of signature',
      issuer: 'Certificate issued by', serial: 'Certificate serial number', validity: 'Certificate validity',
      revocation: 'Revocation status', signingTime: 'Signing time (as claimed by the signer)',
      timestamps: 'Time-stamps', format: 'Format', coverage: 'What the signature covers',
      changes: 'Changes after signing', none: 'None', unknown: 'Unknown',
      families: { SPECIALISED: 'Specialised public-service digital signature', PUBLIC: 'Public digital signature',
        NONE: 'Not from a trusted certification authority' },
      revocations: { GOOD: 'Not revoked', REVOKED: 'Revoked', UNKNOWN: 'Could not be determined',
        NOT_CHECKED: 'Not checked' },
      checkedVia: 'checked by {source} at {time}', revokedAt: 'revoked at {time}', from: 'from {a} to {b}',
      timestampTypes: { SIGNATURE_TIMESTAMP: 'Signature time-stamp', ARCHIVE_TIMESTAMP: 'Archive time-stamp',
        DOCUMENT_TIMESTAMP: 'Document time-stamp', CONTENT_TIMESTAMP: 'Content time-stamp' },
      timestampValid: 'valid', timestampInvalid: 'not valid', by: 'issued by {tsa}',
      downloading: 'Preparing the report…', downloaded: 'Report downloaded.',
      signedRevision: 'Download the signed revision', finalRevision: 'Download the final file (as submitted)',
      signedRevisionFile: 'signed-revision.pdf', revisionPreparing: 'Getting the signed revision…',
      revisionDownloaded: 'Signed revision downloaded.',
      archiveMatch: {
        IDENTICAL: 'Matches the original kept in the issuer\'s archive.',
        EXTENDS_ORIGINAL: 'Contains the original kept in the issuer\'s archive, unchanged, with later additions '
          + '(such as further signatures).',
        DIFFERENT: 'Warning: this file is NOT the original kept in the issuer\'s archive.',
        NOT_ARCHIVED: 'The issuer\'s archive has no document with this number.'
      },
      lookup: {
        loading: 'Looking the document up in the issuer\'s archive…',
        notFound: 'The document cannot be looked up from this code alone: the archive has no document with this '
          + 'number, or the QR code\'s link is incomplete. Upload the file you hold to compare it with the original.',
        publicValid: 'The document is in the issuer\'s archive; its digital signatures were valid when archived.',
        publicNotValid: 'The document is in the issuer\'s archive; its digital signatures when archived: {verdict}.',
        restrictedValid: 'The document is genuine: the issuer\'s archive holds it and its digital signatures were '
          + 'valid when archived.',
        restrictedNotValid: 'The issuer\'s archive holds this document; its digital signatures when archived: '
          + '{verdict}.',
        accepted: 'The document has just been archived; its digital signatures are being checked.',
        disposed: 'The document was destroyed under an approved disposal list; the archive keeps only the digest '
          + 'of the original.',
        restrictedNote: 'This document is not public: its content, signers and file are not shown. You can still '
          + 'upload the file you hold below to find out whether it is this document.',
        issuer: 'Issued by', numberSymbol: 'Number and symbol', documentDate: 'Document date',
        documentType: 'Type of document', subject: 'Subject', signers: 'Signed by',
        signerLine: '{who} — {verdict}, signed {time}', verdictAtArchiving: 'Digital signatures when archived',
        archivedAt: 'Archived', digest: 'SHA-256 digest of the original',
        download: 'Download the original to compare'
      },
      archiveRecord: 'Archived document: {number}, dated {date}.',
      archiveFailed: 'Could not compare with the archived original (error code {code}). The signature check still '
        + 'stands; please try again later.',
      issued: {
        MATCH_VALID: 'This is the issued document: the file matches the original kept in the issuer\'s archive and '
          + 'its signatures are valid.',
        MATCH_NOT_VALID: 'The file matches the original kept in the issuer\'s archive, but its signatures are not '
          + 'confirmed: {summary}',
        DIFFERENT: 'NOT the issued document: this file differs from the original numbered {id} kept in the issuer\'s '
          + 'archive.',
        NOT_ARCHIVED: 'Cannot confirm this document: the issuer\'s archive has no document numbered {id}.'
      },
      signaturesOnly: 'The signatures in this file (result: {verdict}) only show who signed this file; they do not '
        + 'prove it is the issued document.',
      errors: {
        RATE_LIMITED: 'Too many requests. Please try again in {seconds} seconds.',
        UNSUPPORTED_DOCUMENT: 'This file is not a signed document in a supported format.',
        MALFORMED_DOCUMENT: 'The file is damaged or cannot be read.',
        EMPTY_DOCUMENT: 'The file is empty.',
        UPLOAD_TOO_LARGE: 'The file is too large.', DOCUMENT_TOO_LARGE: 'The file is too large.',
        DOCUMENT_TOO_COMPLEX: 'The document is too complex to check automatically.',
        ORIGINAL_REQUIRED: 'This is a detached signature: also choose the original file that was signed.',
        SIGNATURE_NOT_FOUND: 'This signature is not in the file.',
        VALIDATION_TIMEOUT: 'The check took too long. Please try again later.',
        NETWORK: 'Cannot reach the server. Please check your connection and try again.',
        OTHER: 'The document could not be checked (error code {code}).'
      }
    }
  };
}());
