package nl.evidencestore.shared.integrity;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The Certificate Transparency test tree, transcribed by hand from transparency-dev/merkle
 * (cmd/proofgen/main.go, testdata/, rfc6962/rfc6962_test.go) so that our code is checked
 * against hashes it did not compute itself. Leaf indexes here are 0-based.
 */
final class CtVectors {
    static final List<String> LEAF_DATA = List.of(
            "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    /** MTH of the first 1..8 leaves. */
    static final List<String> ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    static final String EMPTY_ROOT = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    static final String LEAF_1 = "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7";
    static final String LEAF_2 = "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7";
    static final String LEAF_5 = "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658";

    record Inclusion(int index, int size, List<String> proof) {
    }

    record Consistency(int oldSize, int newSize, List<String> proof) {
    }

    static final List<Inclusion> INCLUSIONS = List.of(
            new Inclusion(0, 1, List.of()),
            new Inclusion(0, 8, List.of(
                    LEAF_1,
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Inclusion(5, 8, List.of(
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Inclusion(2, 3, List.of(
                    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
            new Inclusion(1, 5, List.of(
                    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));

    static final List<Consistency> CONSISTENCIES = List.of(
            new Consistency(1, 1, List.of()),
            new Consistency(1, 8, List.of(
                    LEAF_1,
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Consistency(6, 8, List.of(
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Consistency(2, 5, List.of(
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
            new Consistency(6, 7, List.of(
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));

    private CtVectors() {
    }

    static MerkleTree tree() {
        return new MerkleTree(LeafHashes.of(LEAF_DATA.stream().map(d -> TreeHash.leaf(bytes(d))).toList()));
    }

    static byte[] leafHash(int index) {
        return TreeHash.leaf(bytes(LEAF_DATA.get(index)));
    }

    static byte[] root(int size) {
        return bytes(ROOTS.get(size - 1));
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static List<byte[]> hashes(List<String> hex) {
        return hex.stream().map(CtVectors::bytes).toList();
    }

    static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HexFormat.of()::formatHex).toList();
    }

    static byte[] flipBit(byte[] hash, int bit) {
        byte[] copy = Arrays.copyOf(hash, hash.length);
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }
}
