# uvicorn reads UVICORN_HOST and UVICORN_PORT; sh -c expands -e PORT before uvicorn reads it; an argument uvicorn refuses stops the container (exit 2).
docker build -t demo-image .
docker run -d -p 8000:9000 -e UVICORN_HOST=0.0.0.0 -e UVICORN_PORT=9000 --name web demo-image uvicorn app.main:app
docker logs web
curl -sS localhost:8000
docker run -d -p 8001:9000 -e PORT=9000 --name web2 demo-image sh -c 'exec uvicorn app.main:app --host 0.0.0.0 --port $PORT'
curl -sS localhost:8001
docker run -d --name web3 demo-image uvicorn app.main:app --port abc
docker ps -a
docker logs web3
