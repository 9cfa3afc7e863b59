package nl.evidencestore.command.log;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import nl.evidencestore.shared.integrity.TreeHash;

/**
 * The roots of the complete subtrees at the log's right edge (a compact range): enough to give
 * the RFC 9162 root at the current size while leaves stream past, in O(log n) memory.
 */
final class Frontier {
    private record Subtree(long size, byte[] root) {
    }

    private final Deque<Subtree> stack = new ArrayDeque<>();
    private long size;

    void add(byte[] leafHash) {
        Subtree right = new Subtree(1, leafHash);
        while (!stack.isEmpty() && stack.peekLast().size() == right.size()) {
            Subtree left = stack.removeLast();
            right = new Subtree(left.size() * 2, TreeHash.node(left.root(), right.root()));
        }
        stack.addLast(right);
        size++;
    }

    long size() {
        return size;
    }

    /** MTH of every leaf added so far: the smaller subtrees on the right fold into the larger ones. */
    byte[] root() {
        if (stack.isEmpty()) {
            return TreeHash.empty();
        }
        Iterator<Subtree> fromRight = stack.descendingIterator();
        byte[] root = fromRight.next().root();
        while (fromRight.hasNext()) {
            root = TreeHash.node(fromRight.next().root(), root);
        }
        return root;
    }
}
