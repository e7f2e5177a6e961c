import pytest


@pytest.fixture(autouse=True)
def _checkpoints_in_tmp(settings, tmp_path):
    """audit_verify reads the newest checkpoint of the folder: each test starts with its own, empty one."""
    settings.FAZHI_AUDIT_CHECKPOINT_DIR = tmp_path / "checkpoints"
