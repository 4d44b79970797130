// Texts of the clerk's page. Vietnamese static texts are read from the page itself (it is written in
// Vietnamese); only the English ones and the texts the script builds live here.
(function () {
  'use strict';

  window.KysoLettersText = {
    vi: {
      langSwitch: 'English', langSwitchCode: 'en',
      remote: { algorithm: 'Thuật toán ký', digest: 'SHA-256 của dữ liệu cần ký', expiresAt: 'Hết hạn lúc',
        signingTime: 'Thời điểm ký ghi trong chữ ký', noCertificate: 'Hãy dán hoặc chọn chứng thư số của người ký.',
        noValue: 'Hãy dán hoặc tải lên giá trị chữ ký từ thiết bị.', file: 'du-lieu-can-ky.bin' },
      states: { DRAFT: 'Dự thảo', SIGNED_BY_PERSON: 'Người có thẩm quyền đã ký', ISSUED: 'Đã ban hành',
        ARCHIVED: 'Đã ban hành và lưu trữ' },
      actions: { UPLOADED: 'Tải lên dự thảo', SIGNED_BY_PERSON: 'Người có thẩm quyền ký số',
        ISSUED: 'Ban hành, cơ quan ký số', ARCHIVED: 'Lưu trữ', ARCHIVE_FAILED: 'Lưu trữ không thành công',
        PERSON_SIGNATURE_PREPARED: 'Chuẩn bị chữ ký trên thiết bị của người ký' },
      eventLine: '{time} — {action}', by: 'Người thực hiện: {actor}', signedBy: 'Chữ ký số: {name} (khóa {key})',
      signedByName: 'Chữ ký số: {name}',
      fields: { subject: 'Trích yếu', documentType: 'Loại văn bản', fileCode: 'Mã hồ sơ',
        preservation: 'Thời hạn bảo quản', accessRegime: 'Chế độ sử dụng', originalName: 'Tên tệp',
        pageCount: 'Số trang', signer: 'Người ký', organisation: 'Cơ quan ban hành', numberSymbol: 'Số, ký hiệu',
        documentDate: 'Ngày ban hành', recordId: 'Mã hồ sơ lưu trữ', createdAt: 'Tạo lúc', updatedAt: 'Cập nhật lúc' },
      years: '{years} năm', permanentText: 'Vĩnh viễn', access: { public: 'Công khai', restricted: 'Hạn chế sử dụng' },
      none: '—', noKeys: 'Không có khóa phù hợp',
      attachmentLine: 'Phụ lục {n}: {name}', attachmentRecord: 'hồ sơ lưu trữ',
      errors: {
        400: 'Thông tin chưa hợp lệ.', 403: 'Bạn không có quyền với văn bản này (văn bản của cơ quan khác hoặc '
          + 'khóa không thuộc về bạn).', 404: 'Không tìm thấy văn bản.',
        409: 'Bước này không phù hợp với trạng thái hiện tại của văn bản.', 413: 'Tệp quá lớn.',
        415: 'Định dạng tệp không được hỗ trợ.', 422: 'Không thực hiện được yêu cầu.',
        503: 'Dịch vụ tạm thời không sẵn sàng. Vui lòng thử lại sau.',
        NETWORK: 'Không kết nối được với máy chủ. Vui lòng kiểm tra mạng và thử lại.',
        OTHER: 'Máy chủ báo lỗi (mã {status}).'
      },
      detail: 'Chi tiết: {detail}'
    },
    en: {
      pageTitle: 'Registry — issuing outgoing letters', heading: 'Registry — issuing outgoing letters',
      langSwitch: 'Tiếng Việt', langSwitchCode: 'vi',
      remoteHeading: 'Sign on the signer\'s own device (USB token, phone)',
      remoteIntro: 'The key stays on the signer\'s device; the server never holds it. Step 1: the signer\'s '
        + 'certificate and signature image. Step 2: sign the data to sign with the device\'s tool. Step 3: paste or '
        + 'upload the signature value.',
      remoteCertificateLabel: 'The signer\'s certificate (PEM), with its issuer\'s',
      remoteCertificateFileLabel: 'or choose a certificate file (.pem, .crt)',
      remoteImageLabel: 'The signer\'s signature image (PNG, transparent background, blue ink)',
      remotePrepare: 'Prepare the data to sign', remoteDataLabel: 'Data to sign (base64): give it to the device\'s '
        + 'signing tool', remoteDownload: 'Download the data to sign (.bin file)',
      remoteValueLabel: 'Signature value from the device (base64)',
      remoteValueFileLabel: 'or upload the signature file (.sig, binary)', remoteComplete: 'Complete the signature',
      remote: { algorithm: 'Signature algorithm', digest: 'SHA-256 of the data to sign', expiresAt: 'Expires at',
        signingTime: 'Signing time in the signature', noCertificate: 'Paste or choose the signer\'s certificate.',
        noValue: 'Paste or upload the signature value from the device.', file: 'data-to-sign.bin' },
      intro: 'Upload a draft; the authorised person signs it; the clerk gives it a number, symbol and date and the '
        + 'organisation\'s signature, and it is archived automatically (Decree 30/2020/ND-CP).',
      actorLabel: 'Acting as', busy: 'Working…', back: '‹ Letters', stateLabel: 'State:',
      openPdf: 'Open the current PDF', openArchive: 'Open the archive record',
      signHeading: 'Signature of the authorised person', personKeyLabel: 'The authorised person\'s key',
      sign: 'Sign (authorised person)', issueHeading: 'Issue the letter', numberSymbolLabel: 'Number and symbol',
      numberSymbolHint: 'For example 15/UBND-VP', documentDateLabel: 'Date of issue',
      orgKeyLabel: 'The organisation\'s key', issue: 'Issue', metadataHeading: 'Letter details',
      timelineHeading: 'Timeline', uploadHeading: 'Upload a draft', fileLabel: 'Draft file (DOCX or PDF)',
      subjectLabel: 'Subject', documentTypeLabel: 'Document type', fileCodeLabel: 'File code',
      preservationLabel: 'Retention', permanent: 'Permanent', accessLabel: 'Access',
      restricted: 'Restricted', public: 'Public', upload: 'Upload', listHeading: 'Outgoing letters',
      noLetters: 'No letters yet.', colSubject: 'Subject', colType: 'Type', colNumber: 'Number, symbol',
      colState: 'State', colUpdated: 'Updated',
      footer: 'Times are Vietnam time (UTC+7). An electronic letter has the value of the original when it carries '
        + 'the digital signatures of the authorised person and of the organisation.',
      states: { DRAFT: 'Draft', SIGNED_BY_PERSON: 'Signed by the authorised person', ISSUED: 'Issued',
        ARCHIVED: 'Issued and archived' },
      actions: { UPLOADED: 'Draft uploaded', SIGNED_BY_PERSON: 'Signed by the authorised person',
        ISSUED: 'Issued, signed by the organisation', ARCHIVED: 'Archived', ARCHIVE_FAILED: 'Archiving failed',
        PERSON_SIGNATURE_PREPARED: 'Signature prepared for the signer\'s own device' },
      eventLine: '{time} — {action}', by: 'By: {actor}', signedBy: 'Digital signature: {name} (key {key})',
      signedByName: 'Digital signature: {name}',
      fields: { subject: 'Subject', documentType: 'Document type', fileCode: 'File code', preservation: 'Retention',
        accessRegime: 'Access', originalName: 'File name', pageCount: 'Pages', signer: 'Signer',
        organisation: 'Issuing organisation', numberSymbol: 'Number, symbol', documentDate: 'Date of issue',
        recordId: 'Archive record', createdAt: 'Created', updatedAt: 'Updated' },
      years: '{years} years', permanentText: 'Permanent', access: { public: 'Public', restricted: 'Restricted' },
      none: '—', noKeys: 'No suitable key',
      attachmentLine: 'Attachment {n}: {name}', attachmentRecord: 'archive record',
      attachmentsLabel: 'Attachments in separate files (optional)',
      attachmentsHint: 'Each attachment gets the organisation\'s signature with the number and symbol at the top '
        + 'right of page one, and is archived with the letter.',
      attachmentsHeading: 'Attachments',
      errors: {
        400: 'Some details are not valid.', 403: 'You may not do this with this letter (it belongs to another '
          + 'organisation, or the key is not yours).', 404: 'No such letter.',
        409: 'This step does not fit the letter\'s current state.', 413: 'The file is too large.',
        415: 'This file type is not supported.', 422: 'The request cannot be carried out.',
        503: 'The service is unavailable for now. Please try again later.',
        NETWORK: 'Cannot reach the server. Please check the network and try again.',
        OTHER: 'The server reported an error (code {status}).'
      },
      detail: 'Detail: {detail}'
    }
  };
}());
