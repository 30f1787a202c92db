#!/usr/bin/python3
"""Runs the reference RecBole's dump.py with the same arguments and adds, for every parameter,
the gradient of the training loss on the dumped training batch (grad/<state_dict name>), so
that a parity test can check backward passes as well:

  dump-with-gradients.py MODEL DATASET DATA_PATH OUT.npz [--key=value ...]
"""
import os
import runpy
import sys

import numpy as np

DUMP = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                    "../../../../../../shared/reference/recbole/dump.py")

captured = {}
write = np.savez
np.savez = lambda out, **arrays: captured.update(out=out, arrays=arrays)
sys.argv = [DUMP] + sys.argv[1:]
state = runpy.run_path(DUMP, run_name="__main__")
np.savez = write

model = state["model"]
model.train()
model.zero_grad()
model.calculate_loss(state["train_batch"]).backward()
arrays = captured["arrays"]
for name, parameter in model.named_parameters():
    arrays["grad/" + name] = parameter.grad.detach().cpu().numpy()
np.savez(captured["out"], **arrays)
print("added the gradients of", len(list(model.parameters())), "parameters to", captured["out"])
