package io.resoto.worker.core.tls;

import io.resoto.worker.spi.Secret;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** PEM certificates, keys and certificate signing requests, and certificate fingerprints. */
public final class Pem {

  /**
   * For decrypting keys only (the JDK lacks e.g. AES/CBC/PKCS7Padding of encrypted PKCS#8 keys);
   * an instance, not registered as a JVM-wide provider.
   */
  private static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();

  private Pem() {}

  /** The certificates of a PEM text (a bundle may hold several); IllegalArgumentException when there is none. */
  public static List<X509Certificate> certificates(String pem) {
    try {
      CertificateFactory f = CertificateFactory.getInstance("X.509");
      List<X509Certificate> all = new ArrayList<>();
      for (var c : f.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
        all.add((X509Certificate) c);
      }
      if (all.isEmpty()) {
        throw new IllegalArgumentException("no PEM certificate in it");
      }
      return all;
    } catch (CertificateException e) {
      throw new IllegalArgumentException("not a PEM certificate (" + e.getMessage() + ")");
    }
  }

  /**
   * The private key of a PEM text: PKCS#8 ({@code PRIVATE KEY}, {@code ENCRYPTED PRIVATE KEY}) or
   * PKCS#1 / OpenSSL ({@code RSA PRIVATE KEY}, encrypted with a {@code Proc-Type} header).
   * IllegalArgumentException when it is none, or encrypted without a password or with a wrong one;
   * the message never holds the password.
   */
  public static PrivateKey privateKey(String pem, Secret password) {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object o = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (o instanceof PEMKeyPair pair) {
        return converter.getPrivateKey(pair.getPrivateKeyInfo());
      }
      if (o instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      if (o instanceof PEMEncryptedKeyPair encrypted) {
        char[] pass = requirePassword(password);
        return converter.getKeyPair(encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(BC).build(pass)))
            .getPrivate();
      }
      if (o instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
        char[] pass = requirePassword(password);
        return converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(
            new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(pass)));
      }
      throw new IllegalArgumentException("no PEM private key in it");
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalArgumentException(password == null
          ? "cannot read the private key (" + e.getClass().getSimpleName() + ")"
          : "cannot decrypt the private key: is the password (--cert-key-pass) right?");
    }
  }

  private static char[] requirePassword(Secret password) {
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException("the private key is encrypted: give its password with --cert-key-pass");
    }
    return password.reveal().toCharArray();
  }

  public static String pem(Object certificateOrKeyOrCsr) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(out)) {
      w.writeObject(certificateOrKeyOrCsr);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  /**
   * A PEM certificate signing request as the original worker makes it: CN = {@code commonName},
   * the host names as DNS and the addresses as IP subject alternative names, signed SHA256withRSA.
   */
  public static String csr(KeyPair key, String commonName, List<String> dnsNames, List<InetAddress> addresses) {
    try {
      List<GeneralName> names = new ArrayList<>();
      dnsNames.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
      // from the bytes: an IPv6 address's text may carry a zone (%eth0) that a SAN cannot
      addresses.forEach(a -> names.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(a.getAddress()))));
      ExtensionsGenerator extensions = new ExtensionsGenerator();
      extensions.addExtension(Extension.subjectAlternativeName, false,
          new GeneralNames(names.toArray(GeneralName[]::new)));
      PKCS10CertificationRequest csr = new JcaPKCS10CertificationRequestBuilder(
          new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build(), key.getPublic())
          .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
          .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate()));
      return pem(csr);
    } catch (Exception e) {
      throw new IllegalStateException("cannot make a certificate signing request: " + e.getMessage(), e);
    }
  }

  /** SHA-256 of the DER certificate: uppercase hex pairs joined by colons, as the core writes it. */
  public static String fingerprint(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
