package io.gridside.link.firmware;

import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.FirmwareManifest;
import io.gridside.site.firmware.FirmwareProduct;
import io.gridside.site.firmware.FirmwareRefusal;
import io.gridside.site.firmware.FirmwareRefusedException;
import io.gridside.site.firmware.FleetMeter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks an image passes before a console sends a byte of it and again before a gateway takes it: signed by a
 * trusted key, signature intact, for this product and hardware, not older than what runs, not the same, and its
 * bytes those its manifest states. Each refusal has its own {@link FirmwareRefusal} and a sentence that tells the
 * technician what to do. An image that reads at all was signed: an unsigned one is refused when it is read (see
 * {@link SignedManifest#decode} and {@link FirmwareImage#read}).
 */
public final class FirmwareCheck {

    private static final Pattern NUMBER = Pattern.compile("\\d+");
    /** How many damaged chunks a refusal names before it only counts them. */
    private static final int NAMED_CHUNKS = 5;

    private FirmwareCheck() {
    }

    /**
     * What a device runs, which an image must fit.
     *
     * @param hardwareIds the gateway's hardware revision; for meters, those of the site's meters
     * @param version the version it runs; for meters, the oldest that one of them runs
     * @param securityCounter the security counter it runs; for meters, the lowest
     */
    public record Installed(FirmwareProduct product, List<String> hardwareIds, String version,
            long securityCounter) {

        public Installed {
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(version, "version");
            hardwareIds = List.copyOf(hardwareIds);
            if (hardwareIds.isEmpty()) {
                throw new IllegalArgumentException("an installed device has a hardware revision");
            }
        }

        /**
         * The site's meters as one target: every hardware revision among them, the oldest version and the lowest
         * counter. An image is refused for them when it runs on none of their hardware, or would upgrade none of
         * them; the campaign decides meter by meter.
         *
         * <p>KNOWN SHORTCOMING: the oldest version and lowest counter are taken over all the meters, not only those
         * of the image's hardware, so an image that upgrades none of the meters it runs on can pass here while
         * older meters of other hardware remain; the campaign then finds nothing to do for it.
         *
         * @throws IllegalArgumentException when the fleet is empty
         */
        public static Installed meters(Collection<FleetMeter> fleet) {
            if (fleet.isEmpty()) {
                throw new IllegalArgumentException("a site with no meters has no meter firmware to check against");
            }
            List<String> hardware = fleet.stream().map(FleetMeter::hardwareId).distinct().sorted().toList();
            String oldest = fleet.stream().map(FleetMeter::version).min(FirmwareCheck::compareVersions).orElseThrow();
            long lowest = fleet.stream().mapToLong(FleetMeter::securityCounter).min().orElseThrow();
            return new Installed(FirmwareProduct.METER, hardware, oldest, lowest);
        }

        private String device() {
            return product == FirmwareProduct.GATEWAY ? "the gateway" : "the site's meters";
        }
    }

    /**
     * One check and how it went.
     *
     * @param name what was checked, such as {@code signer} or {@code chunks}
     * @param detail what was found when it passed; the sentence for the technician when it failed
     * @param refusal the refusal when it failed, else null
     */
    public record Result(String name, boolean passed, String detail, FirmwareRefusal refusal) {

        static Result pass(String name, String detail) {
            return new Result(name, true, detail, null);
        }

        static Result fail(String name, FirmwareRefusal refusal, String sentence) {
            return new Result(name, false, sentence, refusal);
        }
    }

    /**
     * Checks a signed manifest, as a gateway does when an image is offered.
     *
     * @param installed what runs on the target, or null to check only the signature
     * @throws FirmwareRefusedException with the first check that failed, in the order of {@link #reviewManifest}
     */
    public static void checkManifest(SignedManifest signed, FirmwareKeys keys, Installed installed)
            throws FirmwareRefusedException {
        throwFirstFailure(reviewManifest(signed, keys, installed));
    }

    /**
     * Checks an image file's manifest and then its bytes against the manifest.
     *
     * @param installed what runs on the target, or null to check only the signature and the bytes
     * @throws FirmwareRefusedException with the first check that failed, in the order of {@link #reviewImage}
     */
    public static void checkImage(FirmwareImage image, FirmwareKeys keys, Installed installed)
            throws FirmwareRefusedException {
        throwFirstFailure(reviewImage(image, keys, installed));
    }

    /**
     * Every check of a signed manifest, each passed or failed: signer, signature, and when {@code installed} is
     * given, hardware, security counter and version.
     */
    public static List<Result> reviewManifest(SignedManifest signed, FirmwareKeys keys, Installed installed) {
        FirmwareManifest manifest = signed.manifest();
        List<Result> results = new ArrayList<>();
        results.add(signer(signed, keys));
        results.add(signature(signed));
        if (installed != null) {
            results.add(hardware(manifest, installed));
            results.add(counter(manifest, installed));
            results.add(version(manifest, installed));
        }
        return List.copyOf(results);
    }

    /** Every check of an image: those of {@link #reviewManifest}, then its size, its SHA-256 and its chunks'. */
    public static List<Result> reviewImage(FirmwareImage image, FirmwareKeys keys, Installed installed) {
        List<Result> results = new ArrayList<>(reviewManifest(image.signed(), keys, installed));
        results.addAll(bytes(image));
        return List.copyOf(results);
    }

    /**
     * Checks that an image's bytes are those its manifest states: its size, its SHA-256 and every chunk's.
     *
     * @throws FirmwareRefusedException with {@code DAMAGED} when they are not
     */
    public static void checkBytes(FirmwareImage image) throws FirmwareRefusedException {
        throwFirstFailure(bytes(image));
    }

    /**
     * Checks one chunk as it arrives: its length and SHA-256 must be what the manifest states for chunk
     * {@code index}.
     *
     * @throws FirmwareRefusedException with {@code DAMAGED} when they are not
     * @throws IndexOutOfBoundsException when the image has no chunk {@code index}
     */
    public static void checkChunk(FirmwareManifest manifest, int index, byte[] chunk)
            throws FirmwareRefusedException {
        checkChunk(manifest, index, ByteString.of(chunk));
    }

    /** Checks one chunk as it arrives, as {@link #checkChunk(FirmwareManifest, int, byte[])} does, without a copy. */
    public static void checkChunk(FirmwareManifest manifest, int index, ByteString chunk)
            throws FirmwareRefusedException {
        checkChunk(manifest, index, chunk.size(), chunk.size() == manifest.chunkLength(index) ? sha256(chunk) : null);
    }

    /** The SHA-256 of a chunk's bytes, as a manifest states it for each chunk. */
    public static ByteString sha256(ByteString chunk) {
        return Sha256.of(chunk);
    }

    /**
     * Checks one chunk of {@code size} bytes whose SHA-256 the gateway computed already, as {@link #sha256} does,
     * on a thread of its own: never a hash the sender states.
     *
     * @throws FirmwareRefusedException with {@code DAMAGED} when the size or the hash is not the manifest's
     * @throws IndexOutOfBoundsException when the image has no chunk {@code index}
     */
    public static void checkChunk(FirmwareManifest manifest, int index, int size, ByteString sha256)
            throws FirmwareRefusedException {
        int length = manifest.chunkLength(index);
        if (size != length || sha256 == null || !sha256.equals(manifest.chunkSha256().get(index))) {
            throw new FirmwareRefusedException(FirmwareRefusal.DAMAGED, "Chunk " + (index + 1) + " of "
                    + manifest.chunkCount() + " of the image " + manifest.version() + " does not match its "
                    + "manifest: it was damaged on the way. Send it again.");
        }
    }

    /**
     * Compares two versions by their runs of digits, in order, as numbers: {@code gw-2.10.0} is newer than
     * {@code gw-2.9.3}. A version with fewer numbers counts the missing ones as 0; letters and the rest are not
     * compared, so {@code gw-2.5.0} and {@code gw-2.5} compare equal.
     *
     * @return negative when {@code a} is older, 0 when their numbers are equal, positive when {@code a} is newer
     */
    public static int compareVersions(String a, String b) {
        List<BigInteger> left = numbers(a);
        List<BigInteger> right = numbers(b);
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            BigInteger x = i < left.size() ? left.get(i) : BigInteger.ZERO;
            BigInteger y = i < right.size() ? right.get(i) : BigInteger.ZERO;
            int order = x.compareTo(y);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    /** Orders versions oldest first, by {@link #compareVersions}. */
    public static Comparator<String> versionOrder() {
        return FirmwareCheck::compareVersions;
    }

    private static List<BigInteger> numbers(String version) {
        List<BigInteger> numbers = new ArrayList<>();
        Matcher matcher = NUMBER.matcher(version);
        while (matcher.find()) {
            numbers.add(new BigInteger(matcher.group()));
        }
        return numbers;
    }

    private static void throwFirstFailure(List<Result> results) throws FirmwareRefusedException {
        for (Result result : results) {
            if (!result.passed()) {
                throw new FirmwareRefusedException(result.refusal(), result.detail());
            }
        }
    }

    private static Result signer(SignedManifest signed, FirmwareKeys keys) {
        String fingerprint = signed.signer();
        if (keys.trusts(signed.publicKey())) {
            return Result.pass("signer", "signed with the trusted firmware key " + fingerprint);
        }
        return Result.fail("signer", FirmwareRefusal.UNKNOWN_KEY, "The image " + signed.manifest().version()
                + " is signed with the key " + fingerprint + ", which is not trusted for firmware here. Install "
                + "it only if the operator confirms that key and gives you its key file.");
    }

    private static Result signature(SignedManifest signed) {
        if (signed.signatureVerifies()) {
            return Result.pass("signature", "the signature matches the manifest");
        }
        return Result.fail("signature", FirmwareRefusal.BAD_SIGNATURE, "The signature of the image "
                + signed.manifest().version() + " does not match its manifest: the manifest was changed after it "
                + "was signed. Do not install it; get the image again from its maker.");
    }

    private static Result hardware(FirmwareManifest manifest, Installed installed) {
        String version = manifest.version();
        if (manifest.product() != installed.product()) {
            return Result.fail("hardware", FirmwareRefusal.OTHER_HARDWARE, "The image " + version + " is "
                    + (manifest.product() == FirmwareProduct.GATEWAY ? "a gateway image" : "a meter image")
                    + ", not one for " + installed.device() + ". Choose an image made for " + installed.device()
                    + ".");
        }
        if (installed.hardwareIds().stream().noneMatch(manifest::runsOn)) {
            return Result.fail("hardware", FirmwareRefusal.OTHER_HARDWARE, "The image " + version + " runs on "
                    + String.join(", ", manifest.hardwareIds()) + ", and " + installed.device() + " "
                    + (installed.product() == FirmwareProduct.GATEWAY ? "is " : "are ")
                    + String.join(", ", installed.hardwareIds()) + ". Choose the image made for that hardware.");
        }
        return Result.pass("hardware", "runs on " + String.join(", ", manifest.hardwareIds()));
    }

    private static Result counter(FirmwareManifest manifest, Installed installed) {
        if (manifest.securityCounter() < installed.securityCounter()) {
            return Result.fail("security counter", FirmwareRefusal.DOWNGRADE, "The image " + manifest.version()
                    + " has security counter " + manifest.securityCounter() + ", below the "
                    + installed.securityCounter() + " of " + installed.version() + " on " + installed.device()
                    + ": it would undo security fixes. Choose a newer image.");
        }
        return Result.pass("security counter", manifest.securityCounter() + ", not below "
                + installed.securityCounter());
    }

    private static Result version(FirmwareManifest manifest, Installed installed) {
        if (manifest.version().equals(installed.version())) {
            String runs = installed.product() == FirmwareProduct.GATEWAY
                    ? "The gateway runs " + manifest.version() + " already"
                    : "Every one of the site's meters runs " + manifest.version() + " or newer already";
            return Result.fail("version", FirmwareRefusal.ALREADY_INSTALLED, runs + "; there is nothing to "
                    + "install.");
        }
        if (compareVersions(manifest.version(), installed.version()) < 0) {
            return Result.fail("version", FirmwareRefusal.DOWNGRADE, "The image " + manifest.version()
                    + " is older than " + installed.version() + " on " + installed.device()
                    + ". Choose a newer image.");
        }
        return Result.pass("version", manifest.version() + ", newer than " + installed.version());
    }

    private static List<Result> bytes(FirmwareImage image) {
        FirmwareManifest manifest = image.manifest();
        String again = " Copy it again from its source.";
        Result size = image.size() == manifest.imageSize()
                ? Result.pass("size", image.size() + " bytes")
                : Result.fail("size", FirmwareRefusal.DAMAGED, "The image " + manifest.version() + " holds "
                        + image.size() + " bytes, and its manifest states " + manifest.imageSize() + "." + again);
        ByteString sha = image.sha256();
        Result whole = sha.equals(manifest.imageSha256())
                ? Result.pass("SHA-256", sha.hex())
                : Result.fail("SHA-256", FirmwareRefusal.DAMAGED, "The image " + manifest.version() + " does not "
                        + "match its manifest's SHA-256: its bytes are damaged." + again);
        return List.of(size, whole, chunks(image, again));
    }

    private static Result chunks(FirmwareImage image, String again) {
        FirmwareManifest manifest = image.manifest();
        List<Integer> damaged = new ArrayList<>();
        for (int index = 0; index < manifest.chunkCount(); index++) {
            ByteString chunk = image.chunkBytes(index);
            if (chunk.size() != manifest.chunkLength(index)
                    || !Sha256.of(chunk).equals(manifest.chunkSha256().get(index))) {
                damaged.add(index);
            }
        }
        if (damaged.isEmpty()) {
            return Result.pass("chunks", manifest.chunkCount() + " of " + manifest.chunkSize() + " bytes, each "
                    + "matching its SHA-256");
        }
        // Chunks are numbered from 1 for a person; the protocol's indexes start at 0.
        List<String> named = damaged.stream().limit(NAMED_CHUNKS).map(index -> String.valueOf(index + 1)).toList();
        return Result.fail("chunks", FirmwareRefusal.DAMAGED, "The image " + manifest.version() + " has "
                + damaged.size() + " of its " + manifest.chunkCount() + " chunks damaged ("
                + (damaged.size() == 1 ? "chunk " : "chunks ") + String.join(", ", named)
                + (damaged.size() > NAMED_CHUNKS ? ", ..." : "") + " of " + manifest.chunkCount() + ")." + again);
    }
}
