package se.kvalitetshjulet.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import se.kvalitetshjulet.data.FilePermissions;

/**
 * h6 (issue 15, decision 0037): a kept self-check draft is encrypted at rest. AES-256-GCM with a fresh 96-bit nonce
 * per write; the key is 32 random bytes in a key file of the draft folder, created once, owner-only (like the folder),
 * never overwritten. The associated data binds a file to its self-check and its server folder, so a file renamed to
 * another self-check or copied to another server's folder is refused as well. A file that does not decrypt (damaged,
 * truncated, another key) is {@link Unreadable}: the caller leaves it untouched.
 *
 * <p>File layout: {@code KVHUTKAST1} (10 bytes), nonce (12 bytes), ciphertext with its 16-byte tag.
 */
final class DraftFileCipher {
    static final byte[] MAGIC = "KVHUTKAST1".getBytes(StandardCharsets.US_ASCII);
    static final String KEY_FILE = "utkast.nyckel";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Why a kept file could not be read. */
    enum Problem {
        /** Not a draft file of ours, or cut short. */
        DAMAGED,
        /** The authentication failed: changed bytes, another key, or moved to another self-check or server. */
        WRONG_KEY_OR_CHANGED,
        /** There is no key file (deleted, or the folder copied without it). */
        NO_KEY,
        /** The key file exists but is not a key of ours. */
        BAD_KEY_FILE
    }

    /** A kept file that cannot be read; it stays where it is. */
    static final class Unreadable extends Exception {
        private final Problem problem;

        Unreadable(Problem problem) {
            super(problem.name());
            this.problem = problem;
        }

        Problem problem() {
            return problem;
        }
    }

    private final Path folder;

    DraftFileCipher(Path folder) {
        this.folder = folder;
    }

    Path keyFile() {
        return folder.resolve(KEY_FILE);
    }

    /** True when {@code bytes} start as our encrypted format does. */
    static boolean encrypted(byte[] bytes) {
        return bytes.length >= MAGIC.length && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    byte[] encrypt(byte[] plain, long responseId) throws IOException {
        byte[] key;
        try {
            key = key(true);
        } catch (Unreadable u) {
            throw new IOException("nyckelfilen " + keyFile() + " är skadad och skrivs inte över; kontakta IT", u);
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad(responseId));
            byte[] sealed = c.doFinal(plain);
            return ByteBuffer.allocate(MAGIC.length + NONCE_BYTES + sealed.length).put(MAGIC).put(nonce).put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IOException("AES-GCM saknas i Java-miljön", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    byte[] decrypt(byte[] file, long responseId) throws Unreadable {
        if (!encrypted(file) || file.length < MAGIC.length + NONCE_BYTES + TAG_BITS / 8) {
            throw new Unreadable(Problem.DAMAGED);
        }
        byte[] key = key(false);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, file, MAGIC.length, NONCE_BYTES));
            c.updateAAD(aad(responseId));
            return c.doFinal(file, MAGIC.length + NONCE_BYTES, file.length - MAGIC.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new Unreadable(Problem.WRONG_KEY_OR_CHANGED);
        } catch (GeneralSecurityException e) {
            throw new Unreadable(Problem.DAMAGED);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private byte[] aad(long responseId) {
        return (new String(MAGIC, StandardCharsets.US_ASCII) + "\n" + responseId + "\n" + folder.getFileName())
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The key; {@code create}: made once (owner-only) when there is none. A damaged key file is never replaced. */
    private synchronized byte[] key(boolean create) throws Unreadable {
        Path f = keyFile();
        try {
            if (!Files.exists(f)) {
                if (!create) {
                    throw new Unreadable(Problem.NO_KEY);
                }
                FilePermissions.privateDirectory(folder);
                byte[] key = new byte[KEY_BYTES];
                RANDOM.nextBytes(key);
                Path tmp = folder.resolve(KEY_FILE + ".tmp");
                Files.deleteIfExists(tmp);
                FilePermissions.createPrivateFile(tmp);
                Files.write(tmp, key, StandardOpenOption.TRUNCATE_EXISTING);
                try {
                    // never replaces a key another window made meanwhile
                    Files.createLink(f, tmp);
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // the other window's key is the one
                } catch (UnsupportedOperationException | IOException noLinks) {
                    if (!Files.exists(f)) {
                        Files.move(tmp, f);
                    }
                } finally {
                    Files.deleteIfExists(tmp);
                }
                FilePermissions.ownerOnly(f);
            }
            byte[] key = Files.readAllBytes(f);
            if (key.length != KEY_BYTES) {
                throw new Unreadable(Problem.BAD_KEY_FILE);
            }
            return key;
        } catch (IOException e) {
            throw new Unreadable(Problem.NO_KEY);
        }
    }
}
