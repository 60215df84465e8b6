// One RSA key pair per test process: the App signs its JWTs with the private key and the fake GitHub
// checks them with the public one.
import { generateKeyPairSync } from "node:crypto";

let pair: { privateKey: string; publicKey: string } | null = null;

export function appKeys(): { privateKey: string; publicKey: string } {
  pair ??= generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  return pair;
}
