# Expected RecBole export_result text for TuneResultsTests (run with /usr/bin/python3).
# Usage: /usr/bin/python3 make-export.py ../shared/reference/recbole recbole-export.result
import math, sys, types
from collections import OrderedDict
sys.path[:0] = [sys.argv[1], sys.argv[1] + "/stubs"]
# as the reference's run.py does: torch.utils.tensorboard needs a package Debian lacks
tb = types.ModuleType("torch.utils.tensorboard")
tb.SummaryWriter = object
sys.modules["torch.utils.tensorboard"] = tb
# hyper_tuning imports hyperopt lazily; only params2str and export_result are used here
from recbole.trainer.hyper_tuning import HyperTuning
ht = object.__new__(HyperTuning)
ht.params2result = {}
trials = [
    ({'attn_dropout_prob': 0.2, 'hidden_dropout_prob': 0.5, 'learning_rate': 0.001, 'n_heads': 2, 'n_layers': 1},
     OrderedDict([('recall@10', 0.1234), ('mrr@10', 0.05), ('ndcg@10', 0.0661), ('hit@10', 0.1234), ('precision@10', 0.0123)]),
     OrderedDict([('recall@10', 0.1103), ('mrr@10', 0.0401), ('ndcg@10', 0.0566), ('hit@10', 0.1103), ('precision@10', 0.011)])),
    ({'hidden_act': 'gelu', 'hidden_size': 64.0, 'learning_rate': math.exp(-8), 'mlp': '[64,64]'},
     OrderedDict([('recall@10', 0.0), ('ndcg@10', 1.0)]),
     OrderedDict([('recall@10', 0.0001), ('ndcg@10', 0.9999)])),
    ({'attn_dropout_prob': 0.2, 'hidden_dropout_prob': 0.5, 'learning_rate': 0.001, 'n_heads': 2, 'n_layers': 1},
     OrderedDict([('recall@10', 0.2), ('mrr@10', 0.06)]),
     OrderedDict([('recall@10', 0.3), ('mrr@10', 0.07)])),
]
for params, valid, test in trials:
    ht.params2result[HyperTuning.params2str(params)] = {'best_valid_result': valid, 'test_result': test}
ht.export_result(sys.argv[2])
