from fastapi import FastAPI

print("Loading the demo app")

app = FastAPI()


@app.get("/")
def welcome_root():
    return "Welcome to root"
