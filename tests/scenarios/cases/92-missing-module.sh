# Importing a package requirements.txt does not install: ModuleNotFoundError, the container exits 1.
cat > app/main.py <<'PY'
import numpy as np
from fastapi import FastAPI

app = FastAPI()


@app.get("/")
def mean():
    return {"mean": float(np.mean([1, 2, 3]))}
PY
docker build -t demo-image .
docker run -p 8000:8000 --name web demo-image
docker ps -a
