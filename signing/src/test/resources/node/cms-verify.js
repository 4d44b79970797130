// Verifies a CMS SignedData (CAdES) as a relying party that shares no code with OpenSSL, NSS, DSS or
// BouncyCastle would: with PKI.js on Node's WebCrypto. The signature value is checked over the signed
// attributes, the message digest against the content (enveloped, or the detached file given), and the
// signer's certificate chain against the trusted roots given (no revocation: that is DSS's job here).
// Usage: node cms-verify.js <signature file (DER)> <roots.pem> [<detached content file>]
// Prints one JSON line; exits 0 only if the signature verified.
"use strict";
const fs = require("fs");
const { webcrypto } = require("crypto");
const asn1js = require("asn1js");
const pkijs = require("pkijs");

pkijs.setEngine("node", new pkijs.CryptoEngine({ name: "node", crypto: webcrypto }));

const [signatureFile, rootsFile, contentFile] = process.argv.slice(2);

function toArrayBuffer(buffer) {
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
}

function certificates(pem) {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) || [];
  return blocks.map((b) => {
    const der = Buffer.from(b.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, ""), "base64");
    return pkijs.Certificate.fromBER(toArrayBuffer(der));
  });
}

async function main() {
  const result = { verified: false, signers: 0, chain: false, errors: [] };
  try {
    const info = pkijs.ContentInfo.fromBER(toArrayBuffer(fs.readFileSync(signatureFile)));
    if (info.contentType !== pkijs.ContentInfo.SIGNED_DATA) {
      throw new Error("not a SignedData: " + info.contentType);
    }
    const signed = new pkijs.SignedData({ schema: info.content });
    result.signers = signed.signerInfos.length;
    const options = {
      signer: 0,
      checkChain: true,
      trustedCerts: certificates(fs.readFileSync(rootsFile, "utf8")),
      extendedMode: true,
    };
    if (contentFile) {
      options.data = toArrayBuffer(fs.readFileSync(contentFile));
    }
    const outcome = await signed.verify(options);
    result.verified = outcome.signatureVerified === true;
    result.chain = outcome.signerCertificateVerified === true;
    if (!result.verified) {
      result.errors.push("signature: " + (outcome.message || outcome.code));
    }
  } catch (e) {
    const detail = e && (e.message || (e.code !== undefined ? "code " + e.code + " " + (e.message || "") : String(e)));
    result.errors.push(String(detail));
  }
  console.log(JSON.stringify(result));
  process.exit(result.verified && result.chain ? 0 : 1);
}

main();
