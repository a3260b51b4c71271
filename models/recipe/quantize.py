"""Eight-bit weights for onnxruntime's CPU: an exported model.onnx with every linear layer (and
the tied output head) as com.microsoft MatMulNBits, arithmetic in int8 (accuracy_level 4).

    python3 models/recipe/quantize.py models/unmask-small/model.onnx /tmp/int8/model.onnx

Not used by the shipped model (see README, "Eight-bit weights again"): on a CPU with VNNI a pass
costs about a third less, but it loses apps (84 against 93 of 200 fresh held-out requests at the
default threshold). Weights are quantised symmetrically in blocks of BLOCK along their
input dimension; activations are quantised by onnxruntime at run time, block by block.
"""
import sys

import numpy as np
import onnx
from onnx import helper, numpy_helper

BLOCK = 64
BITS = 8
QMAX = 2 ** (BITS - 1) - 1  # symmetric: -QMAX - 1 .. QMAX, stored shifted by 2 ** (BITS - 1)


def weight_of(name, initializers, producers):
    """A MatMul's constant weight as float32: an initializer, or one read through a Cast (export.py's --fp16-weights)."""
    if name in initializers:
        return numpy_helper.to_array(initializers[name]).astype(np.float32)
    p = producers.get(name)
    if p is not None and p.op_type == "Cast" and p.input[0] in initializers:
        return numpy_helper.to_array(initializers[p.input[0]]).astype(np.float32)
    return None


def quantize(src, dst):
    model = onnx.load(src)
    graph = model.graph
    initializers = {i.name: i for i in graph.initializer}
    producers = {o: n for n in graph.node for o in n.output}
    nodes, added = [], []
    for node in graph.node:
        w = weight_of(node.input[1], initializers, producers) if node.op_type == "MatMul" else None
        # export.py's RoPE rotation is a fixed matrix of 0 and ±1 applied to q and k, not a weight.
        if w is None or w.ndim != 2 or node.input[1] == "rotation" or w.shape[0] % BLOCK:
            nodes.append(node)
            continue
        K, N = w.shape
        blocks = w.T.reshape(N, K // BLOCK, BLOCK)
        scales = np.abs(blocks).max(-1) / QMAX
        scales[scales == 0] = 1
        q = (np.clip(np.round(blocks / scales[..., None]), -QMAX - 1, QMAX) + 2 ** (BITS - 1)).astype(np.uint8)
        name = f"{node.name.strip('/')}.int8"
        added += [numpy_helper.from_array(q, name), numpy_helper.from_array(scales.astype(np.float32), name + ".scales")]
        nodes.append(helper.make_node("MatMulNBits", [node.input[0], name, name + ".scales"], list(node.output), name=node.name,
                                      domain="com.microsoft", K=K, N=N, bits=BITS, block_size=BLOCK, accuracy_level=4))
    del graph.node[:]
    graph.node.extend(nodes)
    graph.initializer.extend(added)
    drop_unused(graph)
    model.opset_import.append(helper.make_opsetid("com.microsoft", 1))
    onnx.save(model, dst)


def drop_unused(graph):
    """Remove the nodes and initializers nothing reads any more (the float weights and their Casts)."""
    while True:
        read = {i for n in graph.node for i in n.input} | {o.name for o in graph.output}
        kept = [n for n in graph.node if any(o in read for o in n.output)]
        if len(kept) == len(graph.node):
            break
        del graph.node[:]
        graph.node.extend(kept)
    kept = [i for i in graph.initializer if i.name in read]
    del graph.initializer[:]
    graph.initializer.extend(kept)


if __name__ == "__main__":
    quantize(sys.argv[1], sys.argv[2])
