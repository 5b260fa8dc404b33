"""The faces: the command line (`python -m presslens`) and the bench, on top of every layer."""
