package io.resoto.worker.testcore;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * The test core's certificate authority, as the core has one (reference §3.7): a self-signed CA
 * made at start, the server certificate of the core's HTTPS port (CN localhost, SANs localhost and
 * the IP 127.0.0.1, so that hostname verification passes for {@code https://127.0.0.1:<port>}),
 * and the signing of workers' CSRs.
 */
public final class TestCa {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String name;
  private final KeyPair key;
  private final X509Certificate cert;

  private TestCa(String name, KeyPair key, X509Certificate cert) {
    this.name = name;
    this.key = key;
    this.cert = cert;
  }

  /** A new CA with this common name, valid for a year. */
  public static TestCa create(String commonName) {
    try {
      KeyPair key = rsa();
      X500Name subject = new X500Name("CN=" + commonName);
      Instant now = Instant.now();
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(),
          Date.from(now.minusSeconds(60)), Date.from(now.plus(Duration.ofDays(365))), subject, key.getPublic());
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      return new TestCa(commonName, key, sign(b, key.getPrivate()));
    } catch (Exception e) {
      throw new IllegalStateException("cannot create the test CA", e);
    }
  }

  public X509Certificate certificate() {
    return cert;
  }

  /** The CA certificate as PEM, as {@code GET /ca/cert} answers it. */
  public String pem() {
    return pem(cert);
  }

  /** SHA-256 of the DER certificate, uppercase hex pairs joined by colons (the core's format). */
  public String fingerprint() {
    return fingerprint(cert);
  }

  public static String fingerprint(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A key store with a server certificate for localhost and 127.0.0.1 signed by this CA (password "test"). */
  public KeyStore serverKeyStore() {
    try {
      KeyPair server = rsa();
      Instant now = Instant.now();
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(cert, serial(),
          Date.from(now.minusSeconds(60)), Date.from(now.plus(Duration.ofDays(30))),
          new X500Name("CN=localhost"), server.getPublic());
      b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
          new GeneralName(GeneralName.dNSName, "localhost"),
          new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
      X509Certificate serverCert = sign(b, key.getPrivate());
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("server", server.getPrivate(), "test".toCharArray(),
          new java.security.cert.Certificate[] {serverCert, cert});
      return ks;
    } catch (Exception e) {
      throw new IllegalStateException("cannot create the test core's server certificate", e);
    }
  }

  /**
   * Signs a PEM CSR as the core's {@code POST /ca/sign} does: the subject and the requested
   * subject alternative names are kept, valid from now for {@code validity}. Throws
   * IllegalArgumentException for a CSR that is not one or whose signature does not verify.
   */
  public X509Certificate sign(String csrPem, Duration validity) {
    PKCS10CertificationRequest csr;
    try (PEMParser parser = new PEMParser(new StringReader(csrPem))) {
      Object o = parser.readObject();
      if (!(o instanceof PKCS10CertificationRequest r)) {
        throw new IllegalArgumentException("not a PEM certificate signing request");
      }
      csr = r;
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not a PEM certificate signing request");
    }
    try {
      if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(csr.getSubjectPublicKeyInfo()))) {
        throw new IllegalArgumentException("the CSR's signature does not verify");
      }
      PublicKey publicKey = new JcaPKCS10CertificationRequest(csr).getPublicKey();
      Instant now = Instant.now();
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(cert, serial(),
          Date.from(now.minusSeconds(1)), Date.from(now.plus(validity)), csr.getSubject(), publicKey);
      org.bouncycastle.asn1.pkcs.Attribute[] ext =
          csr.getAttributes(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.pkcs_9_at_extensionRequest);
      if (ext.length > 0) {
        org.bouncycastle.asn1.x509.Extensions requested =
            org.bouncycastle.asn1.x509.Extensions.getInstance(ext[0].getAttrValues().getObjectAt(0));
        Extension san = requested.getExtension(Extension.subjectAlternativeName);
        if (san != null) {
          b.addExtension(san);
        }
      }
      return sign(b, key.getPrivate());
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalArgumentException("cannot sign the CSR: " + e.getMessage());
    }
  }

  /** The subject alternative names of a certificate, as "DNS:x" and "IP:y" (for assertions). */
  public static List<String> subjectAlternativeNames(X509Certificate c) throws GeneralSecurityException {
    List<String> names = new ArrayList<>();
    if (c.getSubjectAlternativeNames() != null) {
      for (List<?> n : c.getSubjectAlternativeNames()) {
        int type = (Integer) n.get(0);
        names.add((type == 2 ? "DNS:" : type == 7 ? "IP:" : type + ":") + n.get(1));
      }
    }
    return names;
  }

  public static String pem(X509Certificate certificate) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(out)) {
      w.writeObject(certificate);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  private static KeyPair rsa() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048, RANDOM);
    return g.generateKeyPair();
  }

  private static BigInteger serial() {
    return new BigInteger(64, RANDOM);
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey signer) throws Exception {
    ContentSigner s = new JcaContentSignerBuilder("SHA256withRSA").build(signer);
    return new JcaX509CertificateConverter().getCertificate(b.build(s));
  }

  @Override
  public String toString() {
    return "TestCa[" + name.toLowerCase(Locale.ROOT) + "]";
  }
}
