// Texts of the archivist's page. Vietnamese static texts are read from the page itself (it is written
// in Vietnamese); only the English ones and the texts the script builds live here.
(function () {
  'use strict';

  window.KysoArchiveText = {
    vi: {
      // The history's event kinds and outcomes (the archive writes them as codes).
      eventKinds: { ACCEPTED: 'Tiếp nhận', INGEST: 'Nhập kho lưu trữ', FIXITY: 'Kiểm tra toàn vẹn',
        REVALIDATION: 'Kiểm tra lại chữ ký số', TIMESTAMP_RENEWAL: 'Gia hạn dấu thời gian lưu trữ',
        LEGAL_HOLD_SET: 'Phong tỏa', LEGAL_HOLD_LIFTED: 'Gỡ phong tỏa', DISPOSAL_PROPOSED: 'Đưa vào danh mục hủy',
        DISPOSAL: 'Hủy tài liệu', FILED: 'Đưa vào hồ sơ', FILE_CLOSED: 'Kết thúc hồ sơ',
        EDXML_RECALLED: 'Bên gửi thu hồi văn bản', EDXML_UPDATED: 'Bên gửi cập nhật văn bản',
        EDXML_FOLLOW_UP_ACCEPTED: 'Chấp nhận yêu cầu của bên gửi', EDXML_FOLLOW_UP_REFUSED: 'Từ chối yêu cầu của bên gửi' },
      outcomes: { OK: 'Thành công', FAILED: 'Thất bại', SKIPPED: 'Bỏ qua', VALID: 'Hợp lệ', INVALID: 'Không hợp lệ',
        INDETERMINATE: 'Chưa đủ cơ sở kết luận', UNSIGNED: 'Không có chữ ký số' },
      langSwitch: 'English', langSwitchCode: 'en',
      count: 'Tìm thấy {total} hồ sơ.', pageInfo: 'Trang {page}/{pages}',
      open: 'Xem hồ sơ {number}',
      verdict: { VALID: 'Hợp lệ', INVALID: 'Không hợp lệ', INDETERMINATE: 'Chưa đủ cơ sở kết luận',
        UNSIGNED: 'Không có chữ ký số' },
      validatedAt: 'Kiểm tra lúc {time}',
      signatureLine: '{signer}{organisation} — {verdict}; {family}; {format}; ký lúc {time}',
      families: { SPECIALISED: 'chữ ký số chuyên dùng công vụ', PUBLIC: 'chữ ký số công cộng',
        NONE: 'không thuộc hệ thống chứng thực được tin cậy' },
      fields: {
        id: 'Mã hồ sơ lưu trữ', state: 'Trạng thái', fondCode: 'Mã phông', fileCode: 'Mã hồ sơ',
        numberSymbol: 'Số, ký hiệu', documentDate: 'Ngày văn bản', documentType: 'Loại văn bản',
        issuer: 'Cơ quan ban hành', subject: 'Trích yếu', signer: 'Người ký', language: 'Ngôn ngữ',
        pageCount: 'Số trang', keywords: 'Từ khóa', accessRegime: 'Chế độ sử dụng',
        confidenceLevel: 'Mức độ tin cậy', documentId: 'Mã văn bản (mã QR)', originalName: 'Tên tệp gốc',
        mediaType: 'Định dạng', size: 'Dung lượng', ingestedAt: 'Thời điểm nộp lưu',
        levelAtIngest: 'Mức chữ ký khi nộp lưu', augmented: 'Kho lưu trữ đã bổ sung chứng cứ dài hạn',
        lastTimestamp: 'Dấu thời gian lưu trữ gần nhất', renewBy: 'Phải gia hạn trước',
        preservation: 'Thời hạn bảo quản', disposableFrom: 'Được xem xét hủy từ ngày', legalHold: 'Phong tỏa pháp lý'
      },
      states: { ACTIVE: 'Đang lưu trữ', DISPOSED: 'Đã hủy' },
      access: { PUBLIC: 'Công khai', RESTRICTED: 'Hạn chế sử dụng' },
      confidence: { ELECTRONIC_ORIGINAL: 'Gốc điện tử', DIGITISED: 'Số hóa', MIXED: 'Hỗn hợp' },
      permanent: 'Vĩnh viễn', years: '{years} năm', yes: 'Có', no: 'Không', none: 'Không có', unknown: 'Không rõ',
      bytes: '{n} byte',
      errors: {
        400: 'Điều kiện tìm kiếm không hợp lệ.', 404: 'Không tìm thấy hồ sơ.', 409: 'Xung đột dữ liệu.',
        429: 'Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau.',
        503: 'Kho lưu trữ tạm thời không sẵn sàng. Vui lòng thử lại sau.',
        NETWORK: 'Không kết nối được với máy chủ. Vui lòng kiểm tra mạng và thử lại.',
        OTHER: 'Máy chủ báo lỗi (mã {status}).'
      },
      detail: 'Chi tiết: {detail}'
    },
    en: {
      eventKinds: { ACCEPTED: 'Accepted', INGEST: 'Archived', FIXITY: 'Fixity check',
        REVALIDATION: 'Signatures checked again', TIMESTAMP_RENEWAL: 'Archive time-stamp renewed',
        LEGAL_HOLD_SET: 'Legal hold set', LEGAL_HOLD_LIFTED: 'Legal hold lifted',
        DISPOSAL_PROPOSED: 'Put on a disposal list', DISPOSAL: 'Disposed of', FILED: 'Filed', FILE_CLOSED: 'File closed',
        EDXML_RECALLED: 'Recalled by the sender', EDXML_UPDATED: 'Updated by the sender',
        EDXML_FOLLOW_UP_ACCEPTED: 'Sender\'s request accepted', EDXML_FOLLOW_UP_REFUSED: 'Sender\'s request refused' },
      outcomes: { OK: 'Done', FAILED: 'Failed', SKIPPED: 'Skipped', VALID: 'Valid', INVALID: 'Not valid',
        INDETERMINATE: 'Cannot be confirmed', UNSIGNED: 'Not signed' },
      pageTitle: 'Electronic records archive', heading: 'Electronic records archive',
      langSwitch: 'Tiếng Việt', langSwitchCode: 'vi',
      qLabel: 'Search words', qHint: 'Subject, number and symbol, issuer, signer, full text; with or without '
        + 'Vietnamese diacritics',
      fondCodeLabel: 'Fond code', fileCodeLabel: 'File code', documentTypeLabel: 'Document type',
      fromLabel: 'Dated from', toLabel: 'Dated to', verdictLabel: 'Signature check result',
      verdictAny: 'Any', verdictValid: 'Valid', verdictInvalid: 'Not valid',
      verdictIndeterminate: 'Cannot be confirmed', verdictUnsigned: 'Not signed',
      search: 'Search', clear: 'Clear', busy: 'Loading…', resultsHeading: 'Search results',
      noResults: 'No records match the search.',
      colNumber: 'Number, symbol', colDate: 'Date', colType: 'Type', colSubject: 'Subject', colIssuer: 'Issuer',
      colVerdict: 'Signatures', prev: '‹ Previous page', next: 'Next page ›', back: '‹ Back to the search results',
      disposed: 'This record was disposed of; only its catalogue entry and history remain.',
      downloadContent: 'Download the original', downloadEvidence: 'Download the evidence (ZIP)',
      downloadPackage: 'Download the BagIt package', validationHeading: 'Signature check',
      metadataHeading: 'Document details', evidenceHeading: 'Long-term evidence', retentionHeading: 'Retention',
      objectsHeading: 'Stored files', colRole: 'Role', colName: 'File name', colSize: 'Size',
      colStoredAt: 'Stored at', historyHeading: 'History', colAt: 'Time', colKind: 'Event', colOutcome: 'Outcome',
      colDetail: 'Detail', colActor: 'By',
      footer: 'Times are Vietnam time (UTC+7). Originals are kept unchanged; compare downloads with their SHA-256.',
      count: '{total} records found.', pageInfo: 'Page {page} of {pages}', open: 'Open record {number}',
      verdict: { VALID: 'Valid', INVALID: 'Not valid', INDETERMINATE: 'Cannot be confirmed', UNSIGNED: 'Not signed' },
      validatedAt: 'Checked at {time}',
      signatureLine: '{signer}{organisation} — {verdict}; {family}; {format}; signed at {time}',
      families: { SPECIALISED: 'specialised public-service digital signature', PUBLIC: 'public digital signature',
        NONE: 'not from a trusted certification authority' },
      fields: {
        id: 'Archive record id', state: 'State', fondCode: 'Fond code', fileCode: 'File code',
        numberSymbol: 'Number and symbol', documentDate: 'Document date', documentType: 'Document type',
        issuer: 'Issuer', subject: 'Subject', signer: 'Signer', language: 'Language', pageCount: 'Pages',
        keywords: 'Keywords', accessRegime: 'Access', confidenceLevel: 'Confidence level',
        documentId: 'Document id (QR code)', originalName: 'Original file name', mediaType: 'Format', size: 'Size',
        ingestedAt: 'Archived at', levelAtIngest: 'Signature level at ingest',
        augmented: 'Long-term evidence added by the archive', lastTimestamp: 'Latest archive time-stamp',
        renewBy: 'Renew by', preservation: 'Preservation period', disposableFrom: 'Disposable from',
        legalHold: 'Legal hold'
      },
      states: { ACTIVE: 'Kept', DISPOSED: 'Disposed of' },
      access: { PUBLIC: 'Public', RESTRICTED: 'Restricted' },
      confidence: { ELECTRONIC_ORIGINAL: 'Born-digital original', DIGITISED: 'Digitised', MIXED: 'Mixed' },
      permanent: 'Permanent', years: '{years} years', yes: 'Yes', no: 'No', none: 'None', unknown: 'Unknown',
      bytes: '{n} bytes',
      errors: {
        400: 'The request is not valid.', 404: 'No such record.', 409: 'Conflicting data.',
        429: 'Too many requests. Please try again later.',
        503: 'The archive is unavailable for now. Please try again later.',
        NETWORK: 'Cannot reach the server. Please check your connection and try again.',
        OTHER: 'The server reported an error (status {status}).'
      },
      detail: 'Detail: {detail}'
    }
  };
}());
