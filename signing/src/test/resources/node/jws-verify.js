// Verifies a JAdES signature as a JOSE relying party that is not Java would, twice: with the npm jose
// library (compactVerify / flattenedVerify / generalVerify by the serialisation) and with Node's own
// crypto.verify over the JWS signing input. The signer's certificate is given (pinned).
// Usage: node jws-verify.js <signature file> <signer.pem> [<name>=<file> ...]
// For a detached signature (sigD, ETSI TS 119 182-1, ObjectIdByURIHash) each named file's digest is
// compared with the one the protected header binds to that name.
// Prints one JSON line; exits 0 only if every check passed.
"use strict";
const fs = require("fs");
const crypto = require("crypto");
const jose = require("jose");

const [jwsFile, certFile, ...pairs] = process.argv.slice(2);
const text = fs.readFileSync(jwsFile, "utf8").trim();
const key = crypto.createPublicKey(fs.readFileSync(certFile, "utf8"));
const detached = new Map(pairs.map((p) => {
  const i = p.indexOf("=");
  return [p.substring(0, i), fs.readFileSync(p.substring(i + 1))];
}));

const b64u = (s) => Buffer.from(s, "base64url");
const HASH = { S256: "sha256", S384: "sha384", S512: "sha512" };

async function main() {
  const result = { serialization: null, jose: false, nodeCrypto: false, sigD: null, errors: [] };
  let parts;
  if (!text.startsWith("{")) {
    result.serialization = "COMPACT";
    const [p, payload, signature] = text.split(".");
    parts = [{ protected: p, payload, signature }];
  } else {
    const json = JSON.parse(text);
    if (Array.isArray(json.signatures)) {
      result.serialization = "JSON";
      parts = json.signatures.map((s) => ({ protected: s.protected, payload: json.payload, signature: s.signature }));
    } else {
      result.serialization = "JSON_FLATTENED";
      parts = [{ protected: json.protected, payload: json.payload, signature: json.signature }];
    }
  }
  const header = JSON.parse(b64u(parts[0].protected).toString("utf8"));
  // A detached JAdES has an empty JWS payload (the files are bound through sigD); the JSON forms may
  // leave the member out (RFC 7515, appendix F), and jose wants it present, as the empty string.
  const parsed = text.startsWith("{") ? JSON.parse(text) : null;
  if (parsed && parsed.payload === undefined && header.sigD) {
    parsed.payload = "";
  }
  // The JAdES header parameters listed in crit (sigT, sigD, ...) are understood by this relying party.
  const crit = Object.fromEntries((header.crit || []).map((name) => [name, true]));
  try {
    if (result.serialization === "COMPACT") {
      await jose.compactVerify(text, key, { crit });
    } else if (result.serialization === "JSON") {
      await jose.generalVerify(parsed, key, { crit });
    } else {
      await jose.flattenedVerify(parsed, key, { crit });
    }
    result.jose = true;
  } catch (e) {
    result.errors.push("jose: " + e.message);
  }

  // The same signature checked without jose: RFC 7515, 5.2, signing input = protected '.' payload.
  const alg = header.alg;
  const hash = "sha" + alg.substring(2);
  const input = Buffer.from(parts[0].protected + "." + (parts[0].payload || ""), "ascii");
  const value = b64u(parts[0].signature);
  const options = alg.startsWith("ES") ? { key, dsaEncoding: "ieee-p1363" }
    : alg.startsWith("PS") ? { key, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }
      : { key };
  result.nodeCrypto = crypto.verify(hash, input, options, value);
  if (!result.nodeCrypto) {
    result.errors.push("crypto.verify: signature does not verify");
  }

  let sigDOk = true;
  if (header.sigD) {
    const { mId, pars, hashM, hashV } = header.sigD;
    result.sigD = { mId, pars };
    if (detached.size === 0) {
      sigDOk = false;
      result.errors.push("sigD: detached signature but no file given");
    }
    for (const [name, data] of detached) {
      const i = (pars || []).map((p) => decodeURIComponent(p)).indexOf(name);
      const expected = i < 0 || !hashV ? undefined : hashV[i];
      // TS 119 182-1, 5.2.8.3.3: the digest is over the base64url form of the file unless b64 is false.
      const hashed = header.b64 === false ? data : Buffer.from(data.toString("base64url"), "ascii");
      const actual = crypto.createHash(HASH[hashM] || "unknown").update(hashed).digest("base64url");
      if (expected !== actual) {
        sigDOk = false;
        result.errors.push("sigD: digest of " + name + " does not match");
      }
    }
  }
  console.log(JSON.stringify(result));
  process.exit(result.jose && result.nodeCrypto && sigDOk ? 0 : 1);
}

main().catch((e) => {
  console.log(JSON.stringify({ errors: [e.message] }));
  process.exit(2);
});
